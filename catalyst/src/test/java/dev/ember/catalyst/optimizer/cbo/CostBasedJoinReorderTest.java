package dev.ember.catalyst.optimizer.cbo;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.PlanBuilder;
import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.TestTable;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.stats.ColumnStat;
import dev.ember.catalyst.stats.Statistics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostBasedJoinReorderTest {
  private final RuleTester tester = RuleTester.of(new CostBasedJoinReorder());

  /** A table of {@code rows} rows whose columns are keys with the given distinct counts. */
  private static PlanBuilder table(String name, long rows, Object... columnsAndNdvs) {
    String[] cols = new String[columnsAndNdvs.length / 2];
    Map<String, ColumnStat> stats = new java.util.HashMap<>();
    for (int i = 0; i < cols.length; i++) {
      cols[i] = columnsAndNdvs[2 * i] + " BIGINT";
      long ndv = ((Number) columnsAndNdvs[2 * i + 1]).longValue();
      stats.put((String) columnsAndNdvs[2 * i], ColumnStat.ofRange(ndv, 1L, ndv));
    }
    return scan(TestTable.of(name, cols).withStatistics(Statistics.of(rows, rows * 8 * cols.length).withColumns(stats)));
  }

  /** The selective dimension joins the fact table first, the big one last. */
  @Test void joinsTheSelectiveRelationFirst() {
    PlanBuilder fact = table("fact", 1_000_000, "f_a", 100_000, "f_b", 1_000);
    PlanBuilder bigDim = table("big", 100_000, "a", 100_000);
    PlanBuilder smallDim = table("small", 1_000, "b", 1_000).filter(eq(col("b"), lit(7L)));
    tester.check(fact.join(bigDim, JoinType.INNER, eq(col("f_a"), col("a")))
            .join(smallDim, JoinType.INNER, eq(col("f_b"), col("b"))))
        .after("""
            Project [f_a, f_b, a, b]
              Join Inner [(f_a = a)]
                Join Inner [(f_b = b)]
                  Filter [(b = 7L)]
                    Scan small [b]
                  Scan fact [f_a, f_b]
                Scan big [a]
            """);
  }

  /** a and c are tiny, so a × c is cheap — but b connects them, so there is no cross product. */
  @Test void neverChoosesACrossProductAConnectedOrderAvoids() {
    PlanBuilder a = table("a", 10, "x", 10);
    PlanBuilder b = table("b", 1_000_000, "bx", 10, "bz", 10);
    PlanBuilder c = table("c", 10, "z", 10);
    LogicalPlan out = tester.run(a.join(b, JoinType.INNER, eq(col("x"), col("bx")))
        .join(c, JoinType.INNER, eq(col("bz"), col("z"))).build());
    out.foreach(n -> {
      if (n instanceof Join j) assertFalse(j.condition().equals(Literal.TRUE), "cross product in\n" + out.treeString());
    });
  }

  @Test void leavesGroupsWithUnknownSizesAlone() {
    tester.checkUnchanged(scan("u", "x BIGINT").join(table("b", 100, "y", 100), JoinType.INNER, eq(col("x"), col("y")))
        .join(table("c", 10, "z", 10), JoinType.INNER, eq(col("y"), col("z"))));
  }

  @Test void leavesTwoWayJoinsAlone() {
    tester.checkUnchanged(table("big", 1_000_000, "x", 1000).join(table("small", 10, "y", 10), JoinType.INNER,
        eq(col("x"), col("y"))));
  }

  @Test void leavesOuterJoinsInPlace() {
    tester.checkUnchanged(table("a", 1_000_000, "x", 1000).join(table("b", 10, "y", 10), JoinType.LEFT,
        eq(col("x"), col("y"))).join(table("c", 5, "z", 5), JoinType.LEFT, eq(col("x"), col("z"))));
  }

  /** Above the dynamic programming limit the greedy search still finds a connected order. */
  @Test void greedyAboveTheLimitStaysConnected() {
    int n = JoinOrderSearch.DP_LIMIT + 2;
    PlanBuilder chain = table("t0", 1000, "k0", 1000);
    for (int i = 1; i < n; i++) {
      chain = chain.join(table("t" + i, 1000L * (i % 3 + 1), "k" + i, 1000), JoinType.INNER,
          eq(col("k" + (i - 1)), col("k" + i)));
    }
    LogicalPlan out = tester.run(chain.build());
    out.foreach(node -> {
      if (node instanceof Join j) assertFalse(j.condition().equals(Literal.TRUE), "cross product in\n" + out.treeString());
    });
  }

  /**
   * Two fact tables, each with a selective dimension, joined on a key of 1,000 values: any
   * left-deep order joins one filtered fact (1,000 rows) with the other whole fact (1 M rows), a
   * million-row intermediate; the bushy tree joins the two filtered facts (1,000 rows each).
   */
  @Test void joinsTwoFilteredFactsAsABushyTree() {
    PlanBuilder factA = table("fa", 1_000_000, "ka", 1_000, "xa", 1_000);
    PlanBuilder factB = table("fb", 1_000_000, "kb", 1_000, "yb", 1_000);
    PlanBuilder dimA = table("da", 1_000, "x", 1_000).filter(eq(col("x"), lit(7L)));
    PlanBuilder dimB = table("db", 1_000, "y", 1_000).filter(eq(col("y"), lit(9L)));
    LogicalPlan written = factA.join(dimA, JoinType.INNER, eq(col("xa"), col("x")))
        .join(factB, JoinType.INNER, eq(col("ka"), col("kb")))
        .join(dimB, JoinType.INNER, eq(col("yb"), col("y"))).build();
    LogicalPlan out = tester.run(written);
    Join top = topJoin(out);
    assertTrue(top.left() instanceof Join && top.right() instanceof Join, "bushy:\n" + out.treeString());
    assertEquals(out, tester.run(out), "a second run keeps the bushy tree");
  }

  /**
   * The optimizer's "Join reorder" batch runs the statistics-free cross-product avoidance right
   * after this rule: it must keep the bushy tree (it used to re-flatten it into a left-deep order
   * starting from the tree's first relation).
   */
  @Test void theCrossProductRuleAfterItKeepsTheBushyTree() {
    PlanBuilder factA = table("fa", 1_000_000, "ka", 1_000, "xa", 1_000);
    PlanBuilder factB = table("fb", 1_000_000, "kb", 1_000, "yb", 1_000);
    PlanBuilder dimA = table("da", 1_000, "x", 1_000).filter(eq(col("x"), lit(7L)));
    PlanBuilder dimB = table("db", 1_000, "y", 1_000).filter(eq(col("y"), lit(9L)));
    LogicalPlan written = factA.join(dimA, JoinType.INNER, eq(col("xa"), col("x")))
        .join(factB, JoinType.INNER, eq(col("ka"), col("kb")))
        .join(dimB, JoinType.INNER, eq(col("yb"), col("y"))).build();
    LogicalPlan cbo = tester.run(written);
    LogicalPlan batch = RuleTester.of(new CostBasedJoinReorder(),
        new dev.ember.catalyst.optimizer.ReorderJoinsAvoidingCrossProducts()).run(written);
    assertEquals(cbo, batch);
  }

  /**
   * TPC-DS q54's shape: two one-row relations (scalar subqueries) tied to the date dimension only
   * by range conditions, the dimension tied to the facts by an equality. The join reorder batch
   * must be idempotent: the cost-based search used to join the two one-row relations without a
   * condition (only equalities counted as ties), the statistics-free rule then re-flattened the
   * group, and a second run changed the plan again.
   */
  @Test void rangeConditionsTieRelationsAndTheBatchIsIdempotent() {
    PlanBuilder low = table("low", 1, "lo", 1);
    PlanBuilder dates = table("dates", 1_000, "d_k", 1_000, "d_seq", 100);
    PlanBuilder high = table("high", 1, "hi", 1);
    PlanBuilder facts = table("facts", 1_000_000, "f_d", 1_000);
    LogicalPlan written = low.join(dates, JoinType.INNER, le(col("d_seq"), col("lo")))
        .join(high, JoinType.INNER, ge(col("d_seq"), col("hi")))
        .join(facts, JoinType.INNER, eq(col("f_d"), col("d_k"))).build();
    RuleTester batch = RuleTester.of(new CostBasedJoinReorder(), new dev.ember.catalyst.optimizer.ReorderJoinsAvoidingCrossProducts());
    LogicalPlan once = batch.run(written);
    assertEquals(once, batch.run(once), "a second run changes nothing:\n" + once.treeString());
    once.foreach(n -> {
      if (n instanceof Join j) assertFalse(j.condition().equals(Literal.TRUE), "cross product in\n" + once.treeString());
    });
  }

  /** Where a left-deep order is as cheap, it stays left-deep (must not fire). */
  @Test void keepsLeftDeepWhenBushyIsNoCheaper() {
    PlanBuilder factA = table("fa", 1_000_000, "ka", 1_000_000, "xa", 1_000);
    PlanBuilder factB = table("fb", 1_000_000, "kb", 1_000_000, "yb", 1_000);
    PlanBuilder dimA = table("da", 1_000, "x", 1_000).filter(eq(col("x"), lit(7L)));
    PlanBuilder dimB = table("db", 1_000, "y", 1_000).filter(eq(col("y"), lit(9L)));
    LogicalPlan out = tester.run(factA.join(dimA, JoinType.INNER, eq(col("xa"), col("x")))
        .join(factB, JoinType.INNER, eq(col("ka"), col("kb")))
        .join(dimB, JoinType.INNER, eq(col("yb"), col("y"))).build());
    out.foreach(n -> {
      if (n instanceof Join j) assertFalse(j.right() instanceof Join, "left-deep:\n" + out.treeString());
    });
  }

  private static Join topJoin(LogicalPlan p) {
    if (p instanceof Join j) return j;
    return topJoin(p.children().get(0));
  }
}
