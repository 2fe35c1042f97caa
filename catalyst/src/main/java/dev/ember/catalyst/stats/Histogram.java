package dev.ember.catalyst.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An equi-height histogram of a numeric, date or timestamp column (Spark's): the non-NULL values,
 * sorted, cut into bins holding the same number of rows ({@code height}); each bin keeps its
 * bounds and the number of distinct values in it. Values are positions on the number line of
 * {@code StatValues.toDouble} (unscaled decimals as decimals, dates as days, timestamps as
 * microseconds). A value covering many rows fills whole bins of its own ({@code lo == hi}), which
 * is what lets a filter on a skewed column be estimated: min/max interpolation assumes the values
 * are spread evenly over the range, and for skewed data that is far off.
 */
public record Histogram(double height, List<Bin> bins) {
  /** Spark's default bin count ({@code spark.sql.statistics.histogram.numBins}). */
  public static final int DEFAULT_BINS = 254;

  /** One bin: the values in {@code [lo, hi]}, {@code distinct} of them. */
  public record Bin(double lo, double hi, double distinct) {}

  public Histogram {
    bins = List.copyOf(bins);
    if (bins.isEmpty()) throw new IllegalArgumentException("a histogram has at least one bin");
  }

  /**
   * The histogram of {@code values} (non-NULL, any order; sorted in place) in at most
   * {@code maxBins} bins of {@code rows / maxBins} values, each holding the rows it would hold if
   * the values were the whole column of {@code rows} non-NULL rows (they may be a sample).
   * {@code totalDistinct}, the column's distinct count, scales the distinct counts a sample
   * finds per bin (a bin of one value always keeps 1). Null when there are no values.
   */
  public static Histogram of(double[] values, int count, int maxBins, double rows, double totalDistinct) {
    if (count == 0) return null;
    Arrays.sort(values, 0, count);
    int bins = Math.max(1, Math.min(maxBins, count));
    long sampleDistinct = 1;
    for (int i = 1; i < count; i++) if (values[i] != values[i - 1]) sampleDistinct++;
    double scale = Double.isNaN(totalDistinct) || totalDistinct <= sampleDistinct ? 1 : totalDistinct / sampleDistinct;
    List<Bin> out = new ArrayList<>(bins);
    int start = 0;
    for (int b = 0; b < bins; b++) {
      int end = (int) ((long) count * (b + 1) / bins); // exclusive
      if (end <= start) continue;
      long distinct = 1;
      for (int i = start + 1; i < end; i++) if (values[i] != values[i - 1]) distinct++;
      double lo = values[start], hi = values[end - 1];
      out.add(new Bin(lo, hi, lo == hi ? 1 : Math.max(1, Math.round(distinct * scale))));
      start = end;
    }
    return new Histogram(rows / out.size(), out);
  }

  /**
   * The fraction of the column's non-NULL rows within the bounds (each NaN for no bound; the
   * flags say whether a bound is included). Bins partly covered count in proportion to the
   * covered part of their range.
   */
  public double fractionBetween(double lo, boolean loInclusive, double hi, boolean hiInclusive) {
    double covered = 0;
    for (Bin b : bins) covered += binFraction(b, lo, loInclusive, hi, hiInclusive);
    return covered / bins.size();
  }

  private static double binFraction(Bin b, double lo, boolean loIncl, double hi, boolean hiIncl) {
    boolean noLo = Double.isNaN(lo), noHi = Double.isNaN(hi);
    if (b.lo() == b.hi()) {
      double v = b.lo();
      boolean aboveLo = noLo || v > lo || (loIncl && v == lo);
      boolean belowHi = noHi || v < hi || (hiIncl && v == hi);
      return aboveLo && belowHi ? 1 : 0;
    }
    double from = noLo ? b.lo() : Math.max(lo, b.lo());
    double to = noHi ? b.hi() : Math.min(hi, b.hi());
    if (from > to) return 0;
    return (to - from) / (b.hi() - b.lo());
  }

  /** The fraction of the column's non-NULL rows equal to {@code v}: 1/distinct of each bin holding it. */
  public double fractionEqual(double v) {
    double f = 0;
    for (Bin b : bins) {
      if (v >= b.lo() && v <= b.hi()) f += 1 / Math.max(1, b.distinct());
    }
    return f / bins.size();
  }

  /** The histogram as text, {@code height;lo,hi,distinct;…}, for the persistent catalog. */
  public String encode() {
    StringBuilder sb = new StringBuilder(Double.toString(height));
    for (Bin b : bins) sb.append(';').append(b.lo()).append(',').append(b.hi()).append(',').append(b.distinct());
    return sb.toString();
  }

  /** The inverse of {@link #encode}. */
  public static Histogram decode(String text) {
    String[] parts = text.split(";");
    List<Bin> bins = new ArrayList<>(parts.length - 1);
    for (int i = 1; i < parts.length; i++) {
      String[] f = parts[i].split(",");
      bins.add(new Bin(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
    }
    return new Histogram(Double.parseDouble(parts[0]), bins);
  }

  /** For DESCRIBE EXTENDED: {@code height: …, num_of_bins: …}. */
  public String summary() {
    return String.format(Locale.ROOT, "height: %.2f, num_of_bins: %d", height, bins.size());
  }
}
