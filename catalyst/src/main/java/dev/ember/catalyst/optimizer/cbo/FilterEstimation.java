package dev.ember.catalyst.optimizer.cbo;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.stats.Histogram;
import java.util.HashMap;
import java.util.Map;

/**
 * The fraction of rows a condition keeps, from the column estimates of its input (Spark's
 * FilterEstimation, simplified). Conjuncts are applied in turn and narrow the columns they
 * constrain, so {@code a >= 5 AND a <= 10} is one range rather than two independent guesses;
 * after {@link #selectivity} the {@link #columns()} describe the filtered rows.
 * <ul>
 *   <li>{@code col = literal}: 1/ndv (0 outside [min, max]); {@code col <> literal}: 1 - 1/ndv.</li>
 *   <li>{@code col < literal} etc.: the part of [min, max] kept, for ordered types.</li>
 *   <li>With an equi-height histogram (from ANALYZE) both take the column's distribution from
 *       it instead: the rows of the bins (parts) in range, and for equality 1/distinct of
 *       each bin holding the value — a value filling whole bins is seen as frequent.</li>
 *   <li>{@code col IN (…)}: listed values / ndv; {@code IS [NOT] NULL}: the null fraction.</li>
 *   <li>{@code a = b} on two columns: 1/max(ndv).</li>
 *   <li>AND multiplies, OR adds the parts (s1 + s2 - s1·s2), NOT complements.</li>
 *   <li>LIKE and other predicates: fixed defaults.</li>
 * </ul>
 */
final class FilterEstimation {
  /** A comparison nothing is known about. */
  static final double DEFAULT_COMPARISON = 1.0 / 3;
  /** LIKE, string functions and predicates of other shapes. */
  static final double DEFAULT_PREDICATE = 0.25;
  static final double DEFAULT_LIKE = 0.1;

  private final Map<Long, ColumnEstimate> columns;

  FilterEstimation(Map<Long, ColumnEstimate> columns) { this.columns = new HashMap<>(columns); }

  Map<Long, ColumnEstimate> columns() { return columns; }

  /** The fraction of rows for which {@code e} is TRUE, in [0, 1]; narrows the columns as it goes. */
  double selectivity(Expr e) {
    return clamp(estimate(e));
  }

  private double estimate(Expr e) {
    if (e instanceof Literal l) return Boolean.TRUE.equals(l.value()) ? 1 : 0;
    if (e instanceof BinaryOp b) return binary(b);
    if (e instanceof UnaryOp u) return unary(u);
    if (e instanceof InList in) return inList(in);
    if (e instanceof Call c) return isPattern(c.fn()) ? DEFAULT_LIKE : DEFAULT_PREDICATE;
    if (e instanceof AttributeRef) return 0.5;
    return DEFAULT_PREDICATE;
  }

  /**
   * LIKE and what SimplifyLike turns it into ({@code starts_with}, {@code ends_with},
   * {@code contains}) are estimated alike, so that simplifying a predicate never changes the plan.
   */
  private static boolean isPattern(Call.Fn fn) {
    return fn == Call.Fn.LIKE || fn == Call.Fn.ILIKE || fn == Call.Fn.STARTS_WITH || fn == Call.Fn.ENDS_WITH
        || fn == Call.Fn.CONTAINS;
  }

  private double binary(BinaryOp b) {
    switch (b.op()) {
      case AND: return selectivity(b.left()) * selectivity(b.right());
      case OR: {
        double l = new FilterEstimation(columns).selectivity(b.left());
        double r = new FilterEstimation(columns).selectivity(b.right());
        return l + r - l * r;
      }
      default: break;
    }
    AttributeRef lc = column(b.left()), rc = column(b.right());
    if (lc != null && rc != null) return columnPair(b.op(), lc, rc);
    if (lc != null && b.right() instanceof Literal lit) return compare(b.op(), lc, lit);
    if (rc != null && b.left() instanceof Literal lit) {
      BinaryOp.Op flipped = flip(b.op());
      return flipped == null ? DEFAULT_COMPARISON : compare(flipped, rc, lit);
    }
    return DEFAULT_COMPARISON;
  }

  private double unary(UnaryOp u) {
    switch (u.op()) {
      case NOT:
        return 1 - new FilterEstimation(columns).selectivity(u.child());
      case IS_NULL:
      case IS_NOT_NULL: {
        AttributeRef a = column(u.child());
        double nulls = nullFraction(a);
        return u.op() == UnaryOp.Op.IS_NULL ? nulls : 1 - nulls;
      }
      default:
        return DEFAULT_PREDICATE;
    }
  }

  private double nullFraction(AttributeRef a) {
    if (a == null) return 0.1;
    if (!a.nullable()) return 0;
    double f = columns.getOrDefault(a.id(), ColumnEstimate.UNKNOWN).nullFraction();
    return Double.isNaN(f) ? 0.1 : f;
  }

  private double inList(InList in) {
    AttributeRef a = column(in.value());
    if (a == null) return DEFAULT_PREDICATE;
    ColumnEstimate c = columns.getOrDefault(a.id(), ColumnEstimate.UNKNOWN);
    long values = in.list().stream().filter(x -> x instanceof Literal l && !l.isNull()).count();
    if (values != in.list().size() || Double.isNaN(c.distinct()) || c.distinct() <= 0) {
      return Math.min(0.5, values * DEFAULT_LIKE);
    }
    double kept = Math.min(values, c.distinct());
    double fromHistogram = inListFromHistogram(in, a, c);
    columns.put(a.id(), c.withDistinct(kept));
    return Double.isNaN(fromHistogram) ? kept / c.distinct() : fromHistogram;
  }

  /** The part of the rows equal to one of the listed (distinct) values, from the histogram; NaN without one. */
  private static double inListFromHistogram(InList in, AttributeRef a, ColumnEstimate c) {
    if (c.histogram() == null || !c.hasRange() || !StatValues.ordered(a.type())) return Double.NaN;
    java.util.Set<Double> seen = new java.util.HashSet<>();
    double sum = 0;
    for (Expr e : in.list()) {
      double v = StatValues.toDouble(((Literal) e).value(), ((Literal) e).type());
      if (Double.isNaN(v)) return Double.NaN;
      if (!seen.add(v) || v < c.min() || v > c.max()) continue;
      sum += equalFromHistogram(c, v);
    }
    return Math.min(1, sum);
  }

  private double columnPair(BinaryOp.Op op, AttributeRef l, AttributeRef r) {
    if (op != BinaryOp.Op.EQ && op != BinaryOp.Op.EQ_NULL_SAFE) return DEFAULT_COMPARISON;
    double nl = columns.getOrDefault(l.id(), ColumnEstimate.UNKNOWN).distinct();
    double nr = columns.getOrDefault(r.id(), ColumnEstimate.UNKNOWN).distinct();
    double max = Double.isNaN(nl) ? nr : Double.isNaN(nr) ? nl : Math.max(nl, nr);
    return Double.isNaN(max) || max < 1 ? DEFAULT_COMPARISON : 1 / max;
  }

  private double compare(BinaryOp.Op op, AttributeRef a, Literal lit) {
    if (lit.isNull()) return 0;
    ColumnEstimate c = columns.getOrDefault(a.id(), ColumnEstimate.UNKNOWN);
    double v = StatValues.toDouble(lit.value(), lit.type());
    boolean ranged = c.hasRange() && !Double.isNaN(v) && StatValues.ordered(a.type());
    double ndv = c.distinct();
    switch (op) {
      case EQ:
      case EQ_NULL_SAFE: {
        if (ranged && (v < c.min() || v > c.max())) return 0;
        double fromHistogram = ranged ? equalFromHistogram(c, v) : Double.NaN;
        columns.put(a.id(), new ColumnEstimate(1, ranged ? v : c.min(), ranged ? v : c.max(), 0, c.avgLen()));
        if (!Double.isNaN(fromHistogram)) return fromHistogram;
        return Double.isNaN(ndv) || ndv < 1 ? DEFAULT_COMPARISON / 3 : 1 / ndv;
      }
      case NE: {
        double fromHistogram = ranged ? equalFromHistogram(c, v) : Double.NaN;
        if (!Double.isNaN(fromHistogram)) return 1 - fromHistogram;
        return Double.isNaN(ndv) || ndv < 1 ? 1 - DEFAULT_COMPARISON / 3 : 1 - 1 / ndv;
      }
      case LT: case LE: case GT: case GE:
        return ranged ? range(op, a, c, v) : DEFAULT_COMPARISON;
      default:
        return DEFAULT_COMPARISON;
    }
  }

  /** The kept part of [min, max] for {@code a op v}; the column's range shrinks to it. */
  private double range(BinaryOp.Op op, AttributeRef a, ColumnEstimate c, double v) {
    double lo = c.min(), hi = c.max();
    boolean below = op == BinaryOp.Op.LT || op == BinaryOp.Op.LE;
    double newLo = below ? lo : Math.max(lo, v), newHi = below ? Math.min(hi, v) : hi;
    if (newLo > newHi || (newLo == newHi && (op == BinaryOp.Op.LT || op == BinaryOp.Op.GT))) {
      columns.put(a.id(), c.withDistinct(0));
      return 0;
    }
    double fraction;
    double fromHistogram = rangeFromHistogram(op, c, v);
    if (!Double.isNaN(fromHistogram)) {
      fraction = fromHistogram;
    } else if (hi == lo) {
      fraction = 1;
    } else {
      fraction = (newHi - newLo) / (hi - lo);
      // A closed bound on a discrete column keeps the boundary value too.
      if (!Double.isNaN(c.distinct()) && c.distinct() > 0 && (op == BinaryOp.Op.LE || op == BinaryOp.Op.GE)) {
        fraction += 1 / c.distinct();
      }
    }
    fraction = clamp(fraction);
    double ndv = Double.isNaN(c.distinct()) ? c.distinct() : Math.max(1, c.distinct() * fraction);
    if (c.histogram() != null) {
      // The range is closed; a strict bound must leave out the histogram's bins of exactly v.
      if (op == BinaryOp.Op.GT) newLo = Math.max(newLo, Math.nextUp(v));
      if (op == BinaryOp.Op.LT) newHi = Math.min(newHi, Math.nextDown(v));
    }
    columns.put(a.id(), new ColumnEstimate(ndv, newLo, newHi, c.nullFraction(), c.avgLen(), c.histogram()));
    return fraction;
  }

  /**
   * The part of the rows in the column's current range {@code [min, max]} equal to {@code v},
   * from its histogram; NaN without one. The histogram describes the unfiltered column, so its
   * fractions are taken relative to the part within the current range.
   */
  private static double equalFromHistogram(ColumnEstimate c, double v) {
    Histogram h = c.histogram();
    if (h == null) return Double.NaN;
    double current = h.fractionBetween(c.min(), true, c.max(), true);
    return current <= 0 ? Double.NaN : Math.min(1, h.fractionEqual(v) / current);
  }

  /** The part of the rows in the current range that {@code col op v} keeps, from the histogram; NaN without one. */
  private static double rangeFromHistogram(BinaryOp.Op op, ColumnEstimate c, double v) {
    Histogram h = c.histogram();
    if (h == null) return Double.NaN;
    double current = h.fractionBetween(c.min(), true, c.max(), true);
    if (current <= 0) return Double.NaN;
    double kept = switch (op) {
      case LT -> h.fractionBetween(c.min(), true, v, false);
      case LE -> h.fractionBetween(c.min(), true, v, true);
      case GT -> h.fractionBetween(v, false, c.max(), true);
      case GE -> h.fractionBetween(v, true, c.max(), true);
      default -> Double.NaN;
    };
    return Math.min(1, kept / current);
  }

  /** The column {@code e} reads, looking through casts between numeric types (which keep order and value). */
  static AttributeRef column(Expr e) {
    if (e instanceof AttributeRef a) return a;
    if (e instanceof Cast c && c.type().isNumeric() && c.child().dataType().isNumeric()) return column(c.child());
    return null;
  }

  private static BinaryOp.Op flip(BinaryOp.Op op) {
    return switch (op) {
      case EQ, NE, EQ_NULL_SAFE -> op;
      case LT -> BinaryOp.Op.GT;
      case LE -> BinaryOp.Op.GE;
      case GT -> BinaryOp.Op.LT;
      case GE -> BinaryOp.Op.LE;
      default -> null;
    };
  }

  private static double clamp(double v) { return Double.isNaN(v) ? DEFAULT_PREDICATE : Math.max(0, Math.min(1, v)); }
}
