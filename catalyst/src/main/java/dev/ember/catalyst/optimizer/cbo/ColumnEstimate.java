package dev.ember.catalyst.optimizer.cbo;

import dev.ember.catalyst.stats.ColumnStat;
import dev.ember.catalyst.stats.Histogram;
import dev.ember.catalyst.types.DataType;

/**
 * An estimate of one column of a plan's output, in doubles so the arithmetic of estimation stays
 * simple: {@code distinct} values, the range {@code [min, max]} on the number line of
 * {@link StatValues#toDouble}, the fraction of NULLs and the average byte length. NaN means
 * unknown, for every component. {@code histogram} (null when there is none) describes the
 * column's values before any filter; estimates use the part of it within {@code [min, max]}.
 */
public record ColumnEstimate(double distinct, double min, double max, double nullFraction, double avgLen,
                             Histogram histogram) {
  public static final ColumnEstimate UNKNOWN = new ColumnEstimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** An estimate without a histogram. */
  public ColumnEstimate(double distinct, double min, double max, double nullFraction, double avgLen) {
    this(distinct, min, max, nullFraction, avgLen, null);
  }

  /** The estimate of a table column with {@code rows} rows. */
  public static ColumnEstimate of(ColumnStat s, DataType type, double rows) {
    double min = StatValues.toDouble(s.min(), type), max = StatValues.toDouble(s.max(), type);
    double ndv = s.distinctCount().isPresent() ? s.distinctCount().getAsLong() : rangeBound(type, min, max, rows);
    double nulls = s.nullCount().isPresent() && rows > 0 ? s.nullCount().getAsLong() / rows : Double.NaN;
    return new ColumnEstimate(ndv, min, max, nulls, s.avgLen().isPresent() ? s.avgLen().getAsDouble() : Double.NaN,
        s.histogram());
  }

  /**
   * Without a distinct count, an integral or date column still cannot hold more values than its
   * range has points: {@code min(rows, max - min + 1)}. Files carry min and max (Parquet footers)
   * far more often than distinct counts, and for the surrogate keys joins are made of the bound
   * is close to the truth — {@code l_partkey} in 1..200,000 over 6 M rows has 200,000 values,
   * where "as many values as rows" would make every join with it look like a key lookup.
   */
  private static double rangeBound(DataType type, double min, double max, double rows) {
    if (!(type.isIntegral() || type.id() == dev.ember.catalyst.types.TypeId.DATE) || Double.isNaN(min)
        || Double.isNaN(max) || max < min) {
      return Double.NaN;
    }
    return Math.max(1, Math.min(rows, max - min + 1));
  }

  public boolean hasRange() { return !Double.isNaN(min) && !Double.isNaN(max); }

  public ColumnEstimate withDistinct(double d) { return new ColumnEstimate(d, min, max, nullFraction, avgLen, histogram); }

  public ColumnEstimate withRange(double lo, double hi) { return new ColumnEstimate(distinct, lo, hi, nullFraction, avgLen, histogram); }

  public ColumnEstimate withNullFraction(double f) { return new ColumnEstimate(distinct, min, max, f, avgLen, histogram); }

  /** At most {@code rows} distinct values: a column cannot have more values than rows. */
  public ColumnEstimate cappedAt(double rows) {
    return distinct > rows ? withDistinct(Math.max(1, rows)) : this;
  }
}
