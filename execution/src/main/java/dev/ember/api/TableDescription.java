package dev.ember.api;

import dev.ember.catalyst.catalog.Table;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.stats.ColumnStat;
import dev.ember.catalyst.stats.Histogram;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.Utf8String;
import dev.ember.sql.Describe;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of {@code DESCRIBE}: one per column (name, type, nullable); with EXTENDED also the
 * table's statistics; for {@code DESCRIBE EXTENDED t col} one row per property of the column
 * (Spark's {@code info_name}/{@code info_value}): type, min, max, nulls, distinct count, lengths,
 * and the histogram with one row per bin.
 */
final class TableDescription {
  private TableDescription() {}

  static QueryResult of(Table t, Describe d) {
    if (d.column() != null) return column(t, d);
    Schema schema = Schema.of(new Field("col_name", DataType.VARCHAR, false),
        new Field("data_type", DataType.VARCHAR, false), new Field("nullable", DataType.BOOLEAN, true));
    List<Object[]> rows = new ArrayList<>();
    for (Field f : t.schema().fields()) rows.add(new Object[] {utf8(f.name()), utf8(f.type().sql()), f.nullable()});
    if (d.extended()) {
      rows.add(new Object[] {utf8(""), utf8(""), null});
      rows.add(new Object[] {utf8("# Detailed Table Information"), utf8(""), null});
      rows.add(new Object[] {utf8("Name"), utf8(t.name()), null});
      rows.add(new Object[] {utf8("Statistics"), utf8(sizeText(t.statistics())), null});
    }
    return LocalResult.of(schema, rows);
  }

  private static QueryResult column(Table t, Describe d) {
    int at = t.schema().indexOf(d.column());
    if (at < 0) {
      throw new EmberException(EmberException.UNDEFINED_COLUMN, "column '" + d.column() + "' is not in " + t.name());
    }
    Field f = t.schema().field(at);
    Schema schema = Schema.of(new Field("info_name", DataType.VARCHAR, false), new Field("info_value", DataType.VARCHAR, true));
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {utf8("col_name"), utf8(f.name())});
    rows.add(new Object[] {utf8("data_type"), utf8(f.type().sql())});
    if (d.extended()) {
      ColumnStat c = t.statistics().column(f.name());
      rows.add(new Object[] {utf8("min"), utf8(value(c.min(), f.type()))});
      rows.add(new Object[] {utf8("max"), utf8(value(c.max(), f.type()))});
      rows.add(new Object[] {utf8("num_nulls"), utf8(c.nullCount().isPresent() ? Long.toString(c.nullCount().getAsLong()) : "NULL")});
      rows.add(new Object[] {utf8("distinct_count"),
          utf8(c.distinctCount().isPresent() ? Long.toString(c.distinctCount().getAsLong()) : "NULL")});
      rows.add(new Object[] {utf8("avg_col_len"),
          utf8(c.avgLen().isPresent() ? String.format(java.util.Locale.ROOT, "%.2f", c.avgLen().getAsDouble()) : "NULL")});
      rows.add(new Object[] {utf8("max_col_len"), utf8(c.maxLen().isPresent() ? Long.toString(c.maxLen().getAsLong()) : "NULL")});
      rows.add(new Object[] {utf8("histogram"), utf8(c.histogram() == null ? "NULL" : c.histogram().summary())});
      if (c.histogram() != null) {
        List<Histogram.Bin> bins = c.histogram().bins();
        for (int i = 0; i < bins.size(); i++) {
          Histogram.Bin b = bins.get(i);
          rows.add(new Object[] {utf8("bin_" + i), utf8(String.format(java.util.Locale.ROOT,
              "lower_bound: %s, upper_bound: %s, distinct_count: %d", bound(b.lo()), bound(b.hi()), (long) b.distinct()))});
        }
      }
    }
    return LocalResult.of(schema, rows);
  }

  /** A bin bound as Spark prints it: whole numbers without a fraction. */
  private static String bound(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** Spark's wording: "123 bytes, 45 rows", leaving out what is unknown. */
  static String sizeText(Statistics s) {
    List<String> parts = new ArrayList<>();
    s.sizeInBytes().ifPresent(b -> parts.add(b + " bytes"));
    s.rowCount().ifPresent(r -> parts.add(r + " rows"));
    return parts.isEmpty() ? "unknown" : String.join(", ", parts);
  }

  /** A bound as SQL would print it: dates as dates, decimals with their scale. */
  private static String value(Object v, DataType t) {
    if (v == null) return "NULL";
    if (t.id() == dev.ember.catalyst.types.TypeId.DATE && v instanceof Integer days) return LocalDate.ofEpochDay(days).toString();
    if (t.isDecimal() && v instanceof Long unscaled) return java.math.BigDecimal.valueOf(unscaled, t.scale()).toPlainString();
    return v.toString();
  }

  private static Utf8String utf8(String s) { return s == null ? null : Utf8String.of(s); }
}
