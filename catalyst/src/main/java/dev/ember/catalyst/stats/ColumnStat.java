package dev.ember.catalyst.stats;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What is known of one column of a table, from a source (Parquet footers, a generator's
 * specification) or from {@code ANALYZE TABLE … FOR COLUMNS}. {@code min} and {@code max} are
 * values in Ember's boxed representation of the column's type (an unscaled {@code Long} for a
 * DECIMAL(p ≤ 18), {@code Integer} days for a DATE, …) or null when unknown; the counts are empty
 * when unknown. Estimation only needs what is there: a distinct count alone already helps joins.
 * {@code histogram} (null when there is none) comes from {@code ANALYZE … FOR COLUMNS} on
 * numeric and date columns and lets filters on skewed columns be estimated.
 */
public record ColumnStat(OptionalLong distinctCount, Object min, Object max, OptionalLong nullCount,
                         OptionalDouble avgLen, OptionalLong maxLen, Histogram histogram) {
  public static final ColumnStat UNKNOWN = new ColumnStat(OptionalLong.empty(), null, null, OptionalLong.empty(),
      OptionalDouble.empty(), OptionalLong.empty());

  /** Statistics without a histogram. */
  public ColumnStat(OptionalLong distinctCount, Object min, Object max, OptionalLong nullCount, OptionalDouble avgLen,
                    OptionalLong maxLen) {
    this(distinctCount, min, max, nullCount, avgLen, maxLen, null);
  }

  /** A column of which only the number of distinct values is known. */
  public static ColumnStat ofDistinct(long ndv) { return UNKNOWN.withDistinctCount(ndv); }

  /** A column with a known distinct count and range, and no NULLs. */
  public static ColumnStat ofRange(long ndv, Object min, Object max) {
    return new ColumnStat(OptionalLong.of(ndv), min, max, OptionalLong.of(0), OptionalDouble.empty(),
        OptionalLong.empty());
  }

  public ColumnStat withDistinctCount(long ndv) {
    return new ColumnStat(OptionalLong.of(ndv), min, max, nullCount, avgLen, maxLen, histogram);
  }

  public ColumnStat withRange(Object newMin, Object newMax) {
    return new ColumnStat(distinctCount, newMin, newMax, nullCount, avgLen, maxLen, histogram);
  }

  public ColumnStat withNullCount(long nulls) {
    return new ColumnStat(distinctCount, min, max, OptionalLong.of(nulls), avgLen, maxLen, histogram);
  }

  public ColumnStat withLengths(double avg, long longest) {
    return new ColumnStat(distinctCount, min, max, nullCount, OptionalDouble.of(avg), OptionalLong.of(longest), histogram);
  }

  public ColumnStat withHistogram(Histogram h) {
    return new ColumnStat(distinctCount, min, max, nullCount, avgLen, maxLen, h);
  }

  /** Whether anything at all is known. */
  public boolean isKnown() {
    return distinctCount.isPresent() || min != null || max != null || nullCount.isPresent() || avgLen.isPresent();
  }
}
