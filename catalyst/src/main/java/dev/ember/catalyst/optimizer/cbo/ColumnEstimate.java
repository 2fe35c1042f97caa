package dev.ember.catalyst.optimizer.cbo;

import dev.ember.catalyst.stats.ColumnStat;
import dev.ember.catalyst.types.DataType;

/**
 * An estimate of one column of a plan's output, in doubles so the arithmetic of estimation stays
 * simple: {@code distinct} values, the range {@code [min, max]} on the number line of
 * {@link StatValues#toDouble}, the fraction of NULLs and the average byte length. NaN means
 * unknown, for every component.
 */
public record ColumnEstimate(double distinct, double min, double max, double nullFraction, double avgLen) {
  public static final ColumnEstimate UNKNOWN = new ColumnEstimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** The estimate of a table column with {@code rows} rows. */
  public static ColumnEstimate of(ColumnStat s, DataType type, double rows) {
    double ndv = s.distinctCount().isPresent() ? s.distinctCount().getAsLong() : Double.NaN;
    double nulls = s.nullCount().isPresent() && rows > 0 ? s.nullCount().getAsLong() / rows : Double.NaN;
    return new ColumnEstimate(ndv, StatValues.toDouble(s.min(), type), StatValues.toDouble(s.max(), type), nulls,
        s.avgLen().isPresent() ? s.avgLen().getAsDouble() : Double.NaN);
  }

  public boolean hasRange() { return !Double.isNaN(min) && !Double.isNaN(max); }

  public ColumnEstimate withDistinct(double d) { return new ColumnEstimate(d, min, max, nullFraction, avgLen); }

  public ColumnEstimate withRange(double lo, double hi) { return new ColumnEstimate(distinct, lo, hi, nullFraction, avgLen); }

  public ColumnEstimate withNullFraction(double f) { return new ColumnEstimate(distinct, min, max, f, avgLen); }

  /** At most {@code rows} distinct values: a column cannot have more values than rows. */
  public ColumnEstimate cappedAt(double rows) {
    return distinct > rows ? withDistinct(Math.max(1, rows)) : this;
  }
}
