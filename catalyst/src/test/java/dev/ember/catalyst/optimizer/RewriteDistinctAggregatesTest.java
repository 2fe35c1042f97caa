package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.catalyst.AggDsl;
import dev.ember.catalyst.DslExpr;
import dev.ember.catalyst.PlanBuilder;
import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AggregateCall;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.types.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewriteDistinctAggregatesTest {
  private final RuleTester tester = RuleTester.of(new RewriteDistinctAggregates());

  private static AggDsl distinct(AggDsl agg) {
    return s -> {
      AggregateCall c = agg.resolve(s);
      return new AggregateCall(c.fn(), c.args(), true, c.filter(), c.type());
    };
  }

  private static PlanBuilder t() { return scan("t", "k INT", "x INT", "y INT", "v DECIMAL(15,2)"); }

  private static PlanBuilder agg(List<DslExpr> keys, AggDsl.Named... aggs) { return t().aggregate(keys, List.of(aggs)); }

  @Test void countDistinctGroupsByTheValueFirst() {
    tester.check(agg(List.of(col("k")), distinct(count(col("x"))).as("c")))
        .before("""
            Aggregate [k] [count(DISTINCT x) AS c]
              Scan t [k, x, y, v]
            """)
        .after("""
            Aggregate [k] [count(x) AS c]
              Aggregate [k, x] []
                Scan t [k, x, y, v]
            """);
  }

  @Test void plainAggregatesBesideItArePartialThenMerged() {
    tester.check(agg(List.of(col("k")), distinct(count(col("x"))).as("c"), sum(col("v")).as("s"),
            min(col("y")).as("lo"), max(col("y")).as("hi")))
        .after("""
            Aggregate [k] [count(x) AS c, sum(s_partial) AS s, min(lo_partial) AS lo, max(hi_partial) AS hi]
              Aggregate [k, x] [sum(v) AS s_partial, min(y) AS lo_partial, max(y) AS hi_partial]
                Scan t [k, x, y, v]
            """);
  }

  @Test void aGlobalCountStaysZeroOnEmptyInput() {
    LogicalPlan out = tester.check(agg(List.of(), distinct(count(col("x"))).as("c"), countStar().as("n"),
            count(col("y")).as("ny")))
        .after("""
            Project [c, coalesce(n_sum, 0L) AS n, coalesce(ny_sum, 0L) AS ny]
              Aggregate [] [count(x) AS c, sum(n_partial) AS n_sum, sum(ny_partial) AS ny_sum]
                Aggregate [x] [count(*) AS n_partial, count(y) AS ny_partial]
                  Scan t [k, x, y, v]
            """);
    for (AttributeRef a : out.output()) {
      assertEquals(DataType.BIGINT, a.type());
      assertFalse(a.nullable(), a.name() + " must stay NOT NULL");
    }
  }

  @Test void avgIsSumOverCountWithItsOwnType() {
    LogicalPlan before = agg(List.of(col("k")), distinct(sum(col("x"))).as("d"), avg(col("v")).as("a"),
        avg(col("y")).as("b")).build();
    LogicalPlan out = tester.check(before)
        .after("""
            Project [k, d, CAST((a_sum / CAST(nullif(a_count, 0L) AS DECIMAL(20,0))) AS DECIMAL(19,6)) AS a, \
            (CAST(b_sum AS DOUBLE) / CAST(nullif(b_count, 0L) AS DOUBLE)) AS b]
              Aggregate [k] [sum(x) AS d, sum(a_sum_partial) AS a_sum, sum(a_count_partial) AS a_count, \
            sum(b_sum_partial) AS b_sum, sum(b_count_partial) AS b_count]
                Aggregate [k, x] [sum(v) AS a_sum_partial, count(v) AS a_count_partial, sum(y) AS b_sum_partial, \
            count(y) AS b_count_partial]
                  Scan t [k, x, y, v]
            """);
    assertEquals(before.output(), out.output());
  }

  @Test void aFilterOnTheDistinctAggregateNullsTheValue() {
    tester.check(agg(List.of(col("k")), distinct(count(col("x")).filter(gt(col("y"), lit(10)))).as("c"),
            distinct(sum(col("x")).filter(gt(col("y"), lit(10)))).as("s"), countStar().filter(gt(col("y"), lit(0))).as("n")))
        .after("""
            Project [k, c, s, coalesce(n_sum, 0L) AS n]
              Aggregate [k] [count(_distinct1) AS c, sum(_distinct1) AS s, sum(n_partial) AS n_sum]
                Aggregate [k, CASE WHEN (y > 10) THEN x ELSE NULL END AS _distinct1] [count(*) FILTER (WHERE (y > 0)) AS n_partial]
                  Scan t [k, x, y, v]
            """);
  }

  @Test void aDistinctValueThatIsAKeyIsNotGroupedTwice() {
    tester.check(agg(List.of(col("k")), distinct(count(col("k"))).as("c")))
        .after("""
            Aggregate [k] [count(k) AS c]
              Aggregate [k] []
                Scan t [k, x, y, v]
            """);
  }

  @Test void countOfSeveralValuesCountsRowsWithNoNull() {
    tester.check(t().aggregate(List.of(), List.of(s -> NamedAggregateOf.countDistinct(s, "x", "y"))))
        .after("""
            Aggregate [] [count(*) FILTER (WHERE ((x IS NOT NULL) AND (y IS NOT NULL))) AS c]
              Aggregate [x, y] []
                Scan t [k, x, y, v]
            """);
  }

  @Test void minAndMaxJustLoseDistinct() {
    tester.check(agg(List.of(col("k")), distinct(min(col("x"))).as("lo"), distinct(max(col("x"))).as("hi")))
        .after("""
            Aggregate [k] [min(x) AS lo, max(x) AS hi]
              Scan t [k, x, y, v]
            """);
  }

  @Test void leavesPlainAggregatesAlone() {
    tester.checkUnchanged(agg(List.of(col("k")), count(col("x")).as("c"), sum(col("v")).as("s")));
    tester.checkUnchanged(agg(List.of(), countStar().as("n")));
  }

  @Test void severalDistinctArgumentSetsInAGlobalAggregateAreCrossJoined() {
    tester.check(agg(List.of(), distinct(count(col("x"))).as("a"), sum(col("v")).as("s"),
            distinct(count(col("y"))).as("b")))
        .after("""
            Project [a, s, b]
              Join Inner
                Aggregate [] [count(x) AS a, sum(s_partial) AS s]
                  Aggregate [x] [sum(v) AS s_partial]
                    Scan t [k, x, y, v]
                Aggregate [] [count(y) AS b]
                  Aggregate [y] []
                    Scan t [k, x, y, v]
            """);
  }

  @Test void severalDistinctArgumentSetsJoinOnKeysThatCannotBeNull() {
    PlanBuilder t = scan("t", "k INT NOT NULL", "x INT", "y INT");
    tester.check(t.aggregate(List.of(col("k")), List.of(distinct(count(col("x"))).as("a"),
            distinct(count(col("y")).filter(gt(col("x"), lit(0)))).as("b"))))
        .after("""
            Project [k, a, b]
              Join Inner [(k = k)]
                Aggregate [k] [count(x) AS a]
                  Aggregate [k, x] []
                    Scan t [k, x, y]
                Aggregate [k] [count(_distinct1) AS b]
                  Aggregate [k AS k, CASE WHEN (x > 0) THEN y ELSE NULL END AS _distinct1] []
                    Scan t [k, x, y]
            """);
  }

  @Test void severalDistinctArgumentSetsOverNullableKeysJoinTheNullGroupsToo() {
    // k may be NULL: the branches join on coalesce(k, 0) and k IS NULL, so the NULL groups pair up.
    String plan = tester.run(agg(List.of(col("k")), distinct(count(col("x"))).as("a"), distinct(count(col("y"))).as("b"))
        .build()).treeString();
    assertTrue(plan.contains("Join Inner [((coalesce(k, 0) = coalesce(k, 0)) AND ((k IS NULL) = (k IS NULL)))]"), plan);
  }

  @Test void theOptimizerLeavesNoDistinctForThePlanner() {
    LogicalPlan plan = agg(List.of(col("k")), distinct(count(col("x"))).as("c"), avg(col("v")).as("a"))
        .filter(gt(col("k"), lit(3))).build();
    LogicalPlan out = new Optimizer(Optimizer.Config.TESTING).optimize(plan);
    out.foreach(node -> {
      if (node instanceof Aggregate a) a.aggregates().forEach(n -> assertFalse(n.call().distinct(), out.treeString()));
    });
    assertEquals(plan.output(), out.output());
  }

  /** count(DISTINCT a, b): the DSL has no several-argument aggregates. */
  private static final class NamedAggregateOf {
    static dev.ember.catalyst.expr.NamedAggregate countDistinct(dev.ember.catalyst.Scope s, String a, String b) {
      AggregateCall c = new AggregateCall(AggregateCall.AggFn.COUNT, List.of(s.resolve(a), s.resolve(b)), true, null,
          DataType.BIGINT);
      return dev.ember.catalyst.expr.NamedAggregate.of(c, "c");
    }
  }
}
