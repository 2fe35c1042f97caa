package dev.ember.catalyst.optimizer.cbo;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Join;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Output rows of a join (Spark's JoinEstimation, simplified). An inner equi-join on key pairs
 * (l, r) keeps |L|·|R| / max(ndv(l), ndv(r)) rows for each pair; with several pairs the smallest
 * of these counts is taken (composite keys are usually correlated, so multiplying the
 * selectivities would underestimate; capping the product by the rows instead would take
 * lineitem's (partkey, suppkey) for a key and guess 800 K rows for its join with partsupp, not
 * 6 M — and an estimate too low is the dangerous one, it broadcasts what is large), bounded by
 * the rows of the larger side when a side may be unique on the composite key
 * ({@link #compositeKeyBound}). Other conjuncts apply as filters over the joined columns.
 * Outer joins keep at least their preserved side; a semi join keeps the left rows whose key has
 * a partner (ndv(r)/ndv(l) of them), an anti join the rest.
 */
final class JoinEstimation {
  /** A semi join's kept fraction when the key distinct counts are unknown. */
  private static final double DEFAULT_SEMI = 0.5;

  private JoinEstimation() {}

  static PlanStats estimate(Join j, PlanStats left, PlanStats right) {
    Set<Long> leftIds = Exprs.ids(j.left().output());
    Set<Long> rightIds = Exprs.ids(j.right().output());
    List<AttributeRef[]> keys = new ArrayList<>();
    List<Expr> residual = new ArrayList<>();
    for (Expr c : Predicates.splitConjuncts(j.condition())) {
      AttributeRef[] pair = keyPair(c, leftIds, rightIds);
      if (pair != null) keys.add(pair); else residual.add(c);
    }
    Map<Long, ColumnEstimate> cols = new HashMap<>(left.columns());
    cols.putAll(right.columns());
    double inner = left.rows() * right.rows();
    double semiFraction = 1;
    if (!keys.isEmpty()) {
      double best = Double.POSITIVE_INFINITY;
      semiFraction = DEFAULT_SEMI;
      boolean first = true;
      double leftCombinations = 1, rightCombinations = 1;
      for (AttributeRef[] k : keys) {
        ColumnEstimate l = left.column(k[0].id()), r = right.column(k[1].id());
        double nl = distinct(l, left.rows()), nr = distinct(r, right.rows());
        leftCombinations *= nl;
        rightCombinations *= nr;
        best = Math.min(best, left.rows() * right.rows() / Math.max(1, Math.max(nl, nr)));
        if (first) semiFraction = Math.min(1, nr / Math.max(1, nl));
        first = false;
        ColumnEstimate joined = l.withDistinct(Math.min(nl, nr));
        cols.put(k[0].id(), joined);
        cols.put(k[1].id(), r.withDistinct(Math.min(nl, nr)));
      }
      if (keys.size() > 1) best = Math.min(best, compositeKeyBound(left.rows(), leftCombinations, right.rows(), rightCombinations));
      inner = best;
    }
    if (!residual.isEmpty()) {
      FilterEstimation f = new FilterEstimation(cols);
      double s = f.selectivity(Predicates.and(residual));
      inner *= s;
      semiFraction *= s;
      cols = f.columns();
    }
    double rows = switch (j.type()) {
      case INNER -> inner;
      case LEFT -> Math.max(inner, left.rows());
      case RIGHT -> Math.max(inner, right.rows());
      case FULL -> Math.max(inner, left.rows() + right.rows());
      case LEFT_SEMI -> left.rows() * semiFraction;
      case LEFT_ANTI -> left.rows() * Math.max(0.1, 1 - semiFraction);
    };
    if (!j.type().outputsRight()) cols = new HashMap<>(left.columns());
    return PlanStats.of(Math.max(1, rows), j.output(), cols);
  }

  /**
   * A bound for a join on several key columns: a side with at least as many key combinations as
   * rows may have the composite key unique (partsupp's (partkey, suppkey)), and then every row of
   * the other side finds at most one partner. Which side it is the distinct counts cannot tell
   * (lineitem has as many combinations as rows too), so the bound is the looser one, the larger
   * side's rows when both qualify. Without it lineitem ⋈ partsupp on both keys was 24 M rows
   * (6 M · 800 K / 200 K part keys) instead of 6 M.
   */
  private static double compositeKeyBound(double leftRows, double leftCombinations, double rightRows,
                                          double rightCombinations) {
    double bound = Double.POSITIVE_INFINITY;
    boolean leftUnique = leftCombinations >= leftRows, rightUnique = rightCombinations >= rightRows;
    if (leftUnique) bound = rightRows;
    if (rightUnique) bound = leftUnique ? Math.max(leftRows, rightRows) : leftRows;
    return bound;
  }

  /** A distinct count to divide by: the known one, else the rows (as if the column were a key). */
  private static double distinct(ColumnEstimate c, double rows) {
    return Double.isNaN(c.distinct()) ? Math.max(1, rows) : Math.max(1, Math.min(c.distinct(), rows));
  }

  /** {@code [leftColumn, rightColumn]} when {@code c} is an equality of one column of each side. */
  static AttributeRef[] keyPair(Expr c, Set<Long> leftIds, Set<Long> rightIds) {
    if (!(c instanceof BinaryOp b) || b.op() != BinaryOp.Op.EQ) return null;
    AttributeRef l = FilterEstimation.column(b.left()), r = FilterEstimation.column(b.right());
    if (l == null || r == null) return null;
    if (leftIds.contains(l.id()) && rightIds.contains(r.id())) return new AttributeRef[] {l, r};
    if (leftIds.contains(r.id()) && rightIds.contains(l.id())) return new AttributeRef[] {r, l};
    return null;
  }
}
