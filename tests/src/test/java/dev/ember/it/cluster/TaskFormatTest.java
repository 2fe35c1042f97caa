package dev.ember.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.catalyst.plan.logical.PlanPrinter;
import dev.ember.datasources.tpch.TpchQueries;
import dev.ember.execution.cluster.ClusterPlans;
import dev.ember.execution.cluster.TaskDescription;
import dev.ember.execution.cluster.TaskSettings;
import dev.ember.execution.cluster.WireFormat;
import dev.ember.it.EmberViews;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.stage.Stage;
import dev.ember.planner.stage.StagePlan;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The task format: every stage of every TPC-H query survives the trip to an executor (encode,
 * decode, same plan text), and what cannot travel is refused with a clear message.
 */
class TaskFormatTest {
  private static Session session;

  @BeforeAll static void setUp() {
    session = Session.builder().master("local[2]").getOrCreate();
    EmberViews.generatorCatalog(session, "tiny");
  }

  @AfterAll static void tearDown() {
    if (session != null) session.close();
  }

  static IntStream queries() { return IntStream.rangeClosed(1, TpchQueries.COUNT); }

  @ParameterizedTest(name = "Q{0}") @MethodSource("queries")
  void everyStageRoundTrips(int q) {
    StagePlan stages = session.state().planQuery(TpchQueries.text(q)).stages();
    ClusterPlans.checkShippable(stages);
    for (Stage s : stages.stages()) {
      TaskDescription task = new TaskDescription("q1", s.id(), 0, 0, s,
          new TaskSettings(4096, true, true, -1, QueryClock.now(), 2, Map.of()), Map.of());
      TaskDescription back = (TaskDescription) WireFormat.decode(WireFormat.encode(task));
      assertEquals(print(s.plan()), print(back.stage().plan()), "Q" + q + " stage " + s.id());
      assertEquals(s.output(), back.stage().output());
      assertEquals(s.parents(), back.stage().parents());
    }
  }

  @Test void rejectsTablesThatLiveInTheDriver() {
    session.sql("CACHE TABLE cached_nation AS SELECT * FROM nation").collect();
    StagePlan stages = session.state().planQuery("SELECT n_name FROM cached_nation WHERE n_nationkey > 3").stages();
    EmberException e = assertThrows(EmberException.class, () -> ClusterPlans.checkShippable(stages), stages.treeString());
    assertTrue(e.getMessage().startsWith("not supported in cluster mode: reading"), e.getMessage());
  }

  @Test void rejectsOtherFormatVersions() {
    byte[] bytes = WireFormat.encode("hello");
    bytes[7]++; // the version's last byte
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> WireFormat.decode(bytes));
    assertTrue(e.getMessage().contains("must run the same Ember build"), e.getMessage());
  }

  private static String print(PhysicalPlan p) { return PlanPrinter.print(p, PhysicalPlan::describe); }
}
