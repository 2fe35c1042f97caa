package dev.ember.execution.operator;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;

/**
 * The only ORDER BY key of a window, in sorted row order, as RANGE frames with offsets compare it:
 * a position on a number line ({@code long} for integers, unscaled short decimals, days, microseconds;
 * {@code double} for floating point), negated for a descending order so that positions always
 * ascend within a partition's non-NULL rows. NULL keys sit together at one end of a partition.
 */
final class RangeKeys {
  private final long[] exact;
  private final double[] floating;
  private final boolean[] nulls;

  private RangeKeys(long[] exact, double[] floating, boolean[] nulls) {
    this.exact = exact;
    this.floating = floating;
    this.nulls = nulls;
  }

  /** {@code values}: the key's boxed values in sorted order. */
  static RangeKeys of(Object[] values, DataType type, boolean ascending) {
    int n = values.length;
    boolean[] nulls = new boolean[n];
    if (type.isFloatingPoint()) {
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        nulls[i] = values[i] == null;
        if (!nulls[i]) d[i] = ascending ? ((Number) values[i]).doubleValue() : -((Number) values[i]).doubleValue();
      }
      return new RangeKeys(null, d, nulls);
    }
    if (!(type.isIntegral() || type.isLongDecimal() || type.isDatetime())) {
      throw EmberException.notSupported("RANGE window frame with an offset over an ORDER BY key of type " + type.sql());
    }
    long[] l = new long[n];
    for (int i = 0; i < n; i++) {
      nulls[i] = values[i] == null;
      if (!nulls[i]) l[i] = ascending ? ((Number) values[i]).longValue() : -((Number) values[i]).longValue();
    }
    return new RangeKeys(l, null, nulls);
  }

  boolean isNull(int i) { return nulls[i]; }

  /**
   * The first row in {@code [from, to)} (non-NULL keys, ascending) whose key is at least row
   * {@code i}'s key plus {@code delta} ({@code strictly}: greater than), else {@code to}.
   */
  int firstAtLeast(int from, int to, int i, long delta, boolean strictly) {
    int lo = from, hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (below(mid, i, delta, strictly)) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** Whether row r's key is below row i's key + delta (or at most it, when {@code strictly}). */
  private boolean below(int r, int i, long delta, boolean strictly) {
    if (exact != null) {
      long target = saturatedAdd(exact[i], delta);
      return strictly ? exact[r] <= target : exact[r] < target;
    }
    double target = floating[i] + delta;
    return strictly ? floating[r] <= target : floating[r] < target;
  }

  private static long saturatedAdd(long a, long b) {
    long s = a + b;
    if (((a ^ s) & (b ^ s)) < 0) return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    return s;
  }
}
