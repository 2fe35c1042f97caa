package dev.ember.it.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.Session;
import dev.ember.datasources.tpch.TpchQueries;
import dev.ember.it.EmberRunner;
import dev.ember.it.EmberViews;
import dev.ember.it.Oracle;
import dev.ember.it.TpchData;
import dev.ember.planner.physical.HashJoinExec;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.physical.ScanExec;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Broadcast hints override the size threshold (and pick the build side) without changing
 * answers; the cost-based settings switch the join order; the EXPLAIN modes show what they say.
 */
class HintsAndExplainTest {
  private static final String JOIN = "FROM customer c JOIN nation n ON c.c_nationkey = n.n_nationkey"
      + " WHERE n.n_regionkey = 1 GROUP BY n.n_name ORDER BY n.n_name";

  private static Connection duck;
  private static Session session;

  @BeforeAll static void setUp() throws Exception {
    duck = TpchData.openDuckDbOverParquet(TpchData.TINY);
    // Nothing is broadcast by size: only hints broadcast.
    session = Session.builder().master("local[2]").config("ember.sql.autoBroadcastJoinThreshold", "-1").getOrCreate();
    EmberViews.parquet(session, TpchData.TINY);
  }

  @AfterAll static void tearDown() throws Exception {
    if (session != null) session.close();
    if (duck != null) duck.close();
  }

  private static List<HashJoinExec> joins(String sql) {
    PhysicalPlan p = session.state().planQuery(sql).physical();
    List<HashJoinExec> out = new ArrayList<>();
    p.foreach(n -> { if (n instanceof HashJoinExec j) out.add(j); });
    return out;
  }

  private static List<String> tables(PhysicalPlan side) {
    List<String> out = new ArrayList<>();
    side.foreach(n -> { if (n instanceof ScanExec s) out.add(s.table().name()); });
    return out;
  }

  @Test void withoutAHintNothingIsBroadcast() {
    HashJoinExec j = joins("SELECT n.n_name, count(*) " + JOIN).get(0);
    assertFalse(j.broadcast(), j.describe());
  }

  @Test void aHintedAliasIsBroadcastAndTheAnswerStays() {
    String sql = "SELECT /*+ BROADCAST(n) */ n.n_name, count(*) " + JOIN;
    HashJoinExec j = joins(sql).get(0);
    assertTrue(j.broadcast(), j.describe());
    assertTrue(tables(j.right()).toString().contains("nation"), "nation builds: " + tables(j.right()));
    new Oracle(duck, session).assertSameAnswer("hinted nation", sql);
  }

  /** A hint on the larger side makes it the build side (Spark's behaviour too). */
  @Test void aHintPicksTheBuildSide() {
    String sql = "SELECT /*+ MAPJOIN(customer) */ n.n_name, count(*) " + JOIN;
    HashJoinExec j = joins(sql).get(0);
    assertTrue(j.broadcast(), j.describe());
    assertTrue(tables(j.right()).toString().contains("customer"), "customer builds: " + tables(j.right()));
    new Oracle(duck, session).assertSameAnswer("hinted customer", sql);
  }

  @Test void theCostBasedOrderCanBeSwitchedOnAndOff() {
    String q5 = TpchQueries.text(5).replaceAll(";\\s*$", "");
    try (Session tpch = Session.builder().master("local[2]").getOrCreate()) {
      EmberViews.generatorCatalog(tpch, "sf1");
      tpch.setConf("ember.sql.cbo.joinReorder.enabled", "true"); // the default
      String on = tpch.state().planQuery(q5).optimized().treeString();
      tpch.setConf("ember.sql.cbo.joinReorder.enabled", "false");
      String off = tpch.state().planQuery(q5).optimized().treeString();
      assertNotEquals(on, off, "the cost-based order of Q5 differs from the written one");
      tpch.setConf("ember.sql.cbo.joinReorder.enabled", "true");
      assertEquals(on, tpch.state().planQuery(q5).optimized().treeString());
    }
  }

  @Test void explainModes() {
    String q = "SELECT n.n_name, count(*) " + JOIN;
    String extended = explain("EXPLAIN EXTENDED " + q);
    for (String part : List.of("== Analyzed Logical Plan ==", "== Optimizer Trace ==", "== Optimized Logical Plan ==",
        "== Physical Plan ==")) {
      assertTrue(extended.contains(part), part + " in\n" + extended);
    }
    String cost = explain("EXPLAIN COST " + q);
    String logical = cost.substring(0, cost.indexOf("== Physical Plan =="));
    for (String line : logical.split("\n")) {
      if (!line.isBlank() && !line.startsWith("==")) assertTrue(line.contains("(rows="), "no estimate: " + line);
    }
    String codegen = explain("EXPLAIN CODEGEN " + q);
    assertTrue(codegen.contains("== Pipeline *(1) ==") && codegen.contains("class Pipeline_"), codegen);
    String formatted = explain("EXPLAIN FORMATTED " + q);
    assertTrue(formatted.contains("(1)") && formatted.contains("Output ["), formatted);
  }

  private static String explain(String sql) {
    return EmberRunner.query(session, sql).rows().get(0).get(0).toString();
  }
}
