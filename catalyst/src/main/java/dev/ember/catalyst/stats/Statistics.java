package dev.ember.catalyst.stats;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What is known of a relation's size and, per column (keyed by lower-cased column name), of its
 * values. Sources fill in what they know cheaply (row counts from Parquet footers or a generator's
 * specification); {@code ANALYZE TABLE} fills in the rest.
 */
public record Statistics(OptionalLong rowCount, OptionalLong sizeInBytes, Map<String, ColumnStat> columns) {
  public static final Statistics UNKNOWN = new Statistics(OptionalLong.empty(), OptionalLong.empty());

  public Statistics {
    Map<String, ColumnStat> byName = new HashMap<>();
    columns.forEach((k, v) -> byName.put(k.toLowerCase(Locale.ROOT), v));
    columns = Map.copyOf(byName);
  }

  /** Sizes only, no column statistics. */
  public Statistics(OptionalLong rowCount, OptionalLong sizeInBytes) { this(rowCount, sizeInBytes, Map.of()); }

  public static Statistics of(long rows, long bytes) {
    return new Statistics(OptionalLong.of(rows), OptionalLong.of(bytes));
  }

  /** The statistics of column {@code name} (any case), {@link ColumnStat#UNKNOWN} when there are none. */
  public ColumnStat column(String name) {
    return columns.getOrDefault(name.toLowerCase(Locale.ROOT), ColumnStat.UNKNOWN);
  }

  public Statistics withColumns(Map<String, ColumnStat> cols) { return new Statistics(rowCount, sizeInBytes, cols); }

  /** These statistics with {@code other}'s known parts on top (ANALYZE results over a source's). */
  public Statistics overlaidWith(Statistics other) {
    Map<String, ColumnStat> cols = new HashMap<>(columns);
    cols.putAll(other.columns);
    return new Statistics(other.rowCount.isPresent() ? other.rowCount : rowCount,
        other.sizeInBytes.isPresent() ? other.sizeInBytes : sizeInBytes, cols);
  }
}
