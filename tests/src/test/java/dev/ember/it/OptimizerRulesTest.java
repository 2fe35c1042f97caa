package dev.ember.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.optimizer.Optimizer;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Batch;
import dev.ember.catalyst.rules.Rule;
import dev.ember.datasources.tpch.TpchQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The optimizer's rules from SQL: every rule can be switched off by name
 * ({@code ember.optimizer.excludedRules}) and the answers stay DuckDB's, so no query depends on a
 * rule for its correctness and a suspect rewrite can be bisected; and the trace of which rule
 * changed the plan is shown by {@code EXPLAIN EXTENDED} and logged with {@code ember.optimizer.trace}.
 */
class OptimizerRulesTest extends TinyParquetComparison {
  /** Queries that exercise the rules: top-N over joins (3), outer join and NOT LIKE (13), NOT IN, LIKE and count(DISTINCT) (16). */
  private static final int[] QUERIES = {3, 13, 16};

  /**
   * Rules the engine cannot do without: the planner has no operator for DISTINCT aggregates
   * (RewriteDistinctAggregates removes them), and without PushFilterThroughJoin TPC-H's comma
   * joins stay cross products that do not finish in reasonable time.
   */
  private static final List<String> REQUIRED = List.of("RewriteDistinctAggregates", "PushFilterThroughJoin");

  static Stream<String> rules() {
    List<String> names = new ArrayList<>();
    for (Batch<LogicalPlan> b : Optimizer.defaultBatches()) {
      for (Rule<LogicalPlan> r : b.rules()) {
        if (!names.contains(r.name()) && !REQUIRED.contains(r.name())) names.add(r.name());
      }
    }
    return names.stream();
  }

  @ParameterizedTest(name = "without {0}") @MethodSource("rules")
  void answersStayRightWithAnyOneRuleSwitchedOff(String rule) {
    EmberRunner.execute(ember, "SET ember.optimizer.excludedRules = " + rule);
    try {
      for (int q : QUERIES) {
        oracle.assertSameAnswer("Q" + q + " without " + rule, TpchQueries.text(q));
      }
    } finally {
      EmberRunner.execute(ember, "SET ember.optimizer.excludedRules = ''");
    }
  }

  /**
   * Every TPC-H plan passes the optimizer's own checks: each rule keeps the schema and resolves
   * every reference, Once batches are idempotent and fixed-point batches converge.
   */
  @Test void everyTpchPlanPassesTheOptimizersInvariantChecks() {
    EmberRunner.execute(ember, "SET ember.optimizer.checkInvariants = true");
    try {
      for (int q = 1; q <= TpchQueries.COUNT; q++) EmberRunner.query(ember, "EXPLAIN " + TpchQueries.text(q));
    } finally {
      EmberRunner.execute(ember, "SET ember.optimizer.checkInvariants = false");
    }
  }

  @Test void explainExtendedShowsWhichRuleChangedThePlan() {
    String explain = explain("EXPLAIN EXTENDED SELECT n_name FROM nation, region "
        + "WHERE n_regionkey = r_regionkey AND r_name = 'ASIA'");
    assertTrue(explain.contains("\n== Optimizer Trace ==\n"), explain);
    assertTrue(explain.contains("\nOperator optimization: "), explain);
    assertTrue(explain.matches("(?s).*\n  PushFilterThroughJoin +changed \\d+ of \\d+ runs? +\\d+\\.\\d{3} ms\n.*"), explain);
    assertTrue(explain.contains("rule runs changed the plan"), explain);
    assertTrue(!explain("EXPLAIN SELECT n_name FROM nation").contains("Optimizer Trace"));
  }

  @Test void theTraceSettingLogsTheTraceOfEveryQuery() {
    Logger log = Logger.getLogger("dev.ember.api.SessionState");
    List<String> messages = new ArrayList<>();
    Handler capture = new Handler() {
      @Override public void publish(LogRecord r) { messages.add(r.getMessage()); }

      @Override public void flush() {}

      @Override public void close() {}
    };
    log.addHandler(capture);
    try {
      EmberRunner.query(ember, "SELECT count(*) FROM nation WHERE n_nationkey < 3");
      assertTrue(messages.isEmpty(), messages.toString());
      EmberRunner.execute(ember, "SET ember.optimizer.trace = true");
      EmberRunner.query(ember, "SELECT count(*) FROM nation WHERE n_nationkey < 3");
      assertTrue(messages.size() == 1 && messages.get(0).contains("PushFiltersIntoScan"), messages.toString());
    } finally {
      EmberRunner.execute(ember, "SET ember.optimizer.trace = false");
      log.removeHandler(capture);
    }
  }

  private static String explain(String sql) {
    return EmberRunner.query(ember, sql).rows().get(0).get(0).toString();
  }
}
