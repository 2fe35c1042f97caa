package dev.ember.it.adaptive;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.it.EmberViews;
import dev.ember.it.Oracle;
import dev.ember.it.TpchData;
import dev.ember.it.cluster.Executors;
import java.sql.Connection;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adaptive execution in cluster mode ({@code local-cluster[2,1,1024]}): the sizes come from the
 * driver's map-output tracker, the re-planned stages travel to the executors, and the answers
 * stay DuckDB's.
 */
class AdaptiveClusterTest {
  private static final String GROUP_BY = "SELECT o_orderpriority, count(*) AS n, sum(o_totalprice) AS total "
      + "FROM orders GROUP BY o_orderpriority";
  private static final String TINY_BUILD_SIDE = "SELECT o_orderpriority, count(*) AS n, sum(l_quantity) AS q "
      + "FROM lineitem JOIN orders ON l_orderkey = o_orderkey WHERE mod(o_custkey, 97) = 3 GROUP BY o_orderpriority";

  private static Connection duck;
  private static Session ember;

  @BeforeAll static void setUp() throws Exception {
    duck = TpchData.openDuckDb();
    TpchData.generateInto(duck, TpchData.TINY);
    ember = Session.builder().master("local-cluster[2,1,1024]")
        .config("ember.sql.autoBroadcastJoinThreshold", "100000")
        .config("ember.sql.shuffle.partitions", "200").getOrCreate();
    EmberViews.generatorCatalog(ember, "tiny");
  }

  @AfterAll static void tearDown() throws Exception {
    Executors.closeAndCheck(ember, duck);
  }

  private static String executedPlan(String sql, int[] tasks) {
    try (QueryResult r = ember.execute(sql)) {
      for (VectorSchemaRoot b = r.nextBatch(); b != null; b = r.nextBatch()) {
        // the answer is checked against DuckDB below
      }
      tasks[0] = r.progress().tasksTotal();
      return r.executedPlan();
    }
  }

  @Test void postShufflePartitionsAreCoalescedFromTheTrackersSizes() {
    int[] tasks = new int[1];
    String plan = executedPlan(GROUP_BY, tasks);
    assertTrue(plan.contains("coalesced 200 → 1"), plan);
    assertTrue(tasks[0] < 200, "tasks " + tasks[0] + "\n" + plan);
    new Oracle(duck, ember).assertSameAnswer("coalesced aggregate (local-cluster)", GROUP_BY);
  }

  @Test void aTinyBuildSideIsBroadcastFromItsShuffleFiles() {
    String plan = executedPlan(TINY_BUILD_SIDE, new int[1]);
    String fin = plan.substring(0, plan.indexOf("== Initial Plan =="));
    assertTrue(plan.substring(plan.indexOf("== Initial Plan ==")).contains("ShuffledHashJoin"), plan);
    assertTrue(fin.contains("BroadcastHashJoin") && !fin.contains("ShuffledHashJoin"), plan);
    new Oracle(duck, ember).assertSameAnswer("switched join (local-cluster)", TINY_BUILD_SIDE);
  }
}
