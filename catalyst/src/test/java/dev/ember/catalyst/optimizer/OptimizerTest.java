package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.rules.Batch;
import dev.ember.catalyst.rules.Rule;
import dev.ember.catalyst.rules.RuleExecutor.TraceEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerTest {
  private static LogicalPlan commaJoin() {
    return scan("t", "a INT", "b INT").join(scan("u", "x INT", "y INT"))
        .filter(and(eq(col("a"), col("x")), gt(col("b"), lit(1)))).project(col("a"), col("y")).build();
  }

  @Test void optimizesACommaJoin() {
    assertEquals("""
        Project [a, y]
          Join Inner [(a = x)]
            Project [a]
              Scan t [a, b], filters=[((b > 1) AND (a IS NOT NULL))]
            Scan u [x, y], filters=[(x IS NOT NULL)]
        """, new Optimizer(Optimizer.Config.TESTING).optimize(commaJoin()).treeString());
  }

  @Test void excludedRulesDoNotRun() {
    Optimizer.Config config = Optimizer.Config.TESTING.excluding("PushFilterThroughJoin", "PruneColumns");
    assertEquals("""
        Project [a, y]
          Filter [((a = x) AND (b > 1))]
            Join Inner
              Scan t [a, b]
              Scan u [x, y]
        """, new Optimizer(config).optimize(commaJoin()).treeString());
  }

  @Test void traceNamesEveryRuleApplication() {
    List<TraceEntry> trace = new ArrayList<>();
    new Optimizer().optimize(commaJoin(), trace);
    List<String> changed = trace.stream().filter(TraceEntry::changed).map(TraceEntry::rule).distinct().toList();
    assertEquals(List.of("PushFilterThroughJoin", "InferFiltersFromConstraints", "CombineFilters",
        "PushFiltersIntoScan", "PruneColumns"), changed);
    assertTrue(trace.stream().anyMatch(e -> !e.changed() && e.batch().equals("Operator optimization")));
  }

  @Test void theTraceListsRulesThatChangedThePlanPerBatch() {
    List<TraceEntry> trace = List.of(
        new TraceEntry("Ops", "PushDown", 1, 2_000_000, true),
        new TraceEntry("Ops", "Fold", 1, 500_000, false),
        new TraceEntry("Ops", "PushDown", 2, 1_000_000, false),
        new TraceEntry("Ops", "Fold", 2, 500_000, false),
        new TraceEntry("Prune", "PruneColumns", 1, 250_000, true));
    assertEquals("""
        Ops: 2 iterations, 4.000 ms
          PushDown                             changed 1 of 2 runs  3.000 ms
          (1 rule without effect  1.000 ms)
        Prune: 1 iteration, 0.250 ms
          PruneColumns                         changed 1 of 1 run  0.250 ms
        Total: 4.250 ms, 2 of 5 rule runs changed the plan
        """, OptimizerTrace.format(trace));
  }

  @Test void theCheckerNamesARuleThatChangesTheOutput() {
    Rule<LogicalPlan> dropLastColumn = plan -> plan instanceof Project p
        ? new Project(p.projections().subList(0, 1), p.child()) : plan;
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> optimizerWith(
        Batch.once("bad", named("DropLastColumn", dropLastColumn))).optimize(commaJoin()));
    assertTrue(e.getMessage().startsWith("rule DropLastColumn in batch bad broke the plan: output changed"),
        e.getMessage());
  }

  @Test void theCheckerNamesARuleThatReadsAMissingColumn() {
    Rule<LogicalPlan> filterOnRight = plan -> {
      if (!(plan instanceof Project p)) return plan;
      LogicalPlan join = ((Filter) p.child()).child();
      Filter leftFilter = new Filter(((Filter) p.child()).condition(), join.children().get(0));
      return p.withChild(join.withChildren(List.of(leftFilter, join.children().get(1))));
    };
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> optimizerWith(
        Batch.once("bad", named("PushTooFar", filterOnRight))).optimize(commaJoin()));
    assertTrue(e.getMessage().contains("rule PushTooFar in batch bad broke the plan: Filter [((a = x) AND (b > 1))]"
        + " reads x#"), e.getMessage());
  }

  @Test void aOnceBatchMustBeIdempotent() {
    Rule<LogicalPlan> addFilter = plan -> new Filter(Literal.TRUE, plan);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> optimizerWith(
        Batch.once("growing", named("AddFilter", addFilter))).optimize(commaJoin()));
    assertTrue(e.getMessage().startsWith("batch growing is not idempotent: a second run changed the plan with [AddFilter]"),
        e.getMessage());
  }

  @Test void aFixedPointBatchMustConverge() {
    Rule<LogicalPlan> addFilter = plan -> new Filter(Literal.TRUE, plan);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> optimizerWith(
        new Batch<>("growing", 3, List.of(named("AddFilter", addFilter)))).optimize(commaJoin()));
    assertTrue(e.getMessage().startsWith("batch growing did not reach a fixed point"), e.getMessage());
  }

  @Test void checkingInvariantsDoesNotChangeTheResult() {
    // The default Config skips the checks; the same plan comes out either way.
    LogicalPlan plan = commaJoin();
    assertEquals(new Optimizer(Optimizer.Config.TESTING).optimize(plan).treeString(),
        new Optimizer().optimize(plan).treeString());
  }

  @SafeVarargs
  private static Optimizer optimizerWith(Batch<LogicalPlan>... batches) {
    return new Optimizer(Optimizer.Config.TESTING, List.of(batches));
  }

  private static Rule<LogicalPlan> named(String name, Rule<LogicalPlan> r) {
    return new Rule<>() {
      @Override public LogicalPlan apply(LogicalPlan plan) { return r.apply(plan); }

      @Override public String name() { return name; }
    };
  }
}
