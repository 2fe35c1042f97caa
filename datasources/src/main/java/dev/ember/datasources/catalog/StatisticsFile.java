package dev.ember.datasources.catalog;

import dev.ember.catalyst.stats.ColumnStat;
import dev.ember.catalyst.stats.Histogram;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * Statistics as properties, for the persistent catalog: {@code rows}, {@code bytes}, and per
 * column {@code column.<name>.ndv|min|max|nulls|avgLen|maxLen|histogram}. Bounds are written as text and
 * read back in the representation of the column's type in {@code schema}.
 */
final class StatisticsFile {
  private StatisticsFile() {}

  static Properties write(Statistics s) {
    Properties p = new Properties();
    s.rowCount().ifPresent(v -> p.setProperty("rows", Long.toString(v)));
    s.sizeInBytes().ifPresent(v -> p.setProperty("bytes", Long.toString(v)));
    s.columns().forEach((name, c) -> {
      String k = "column." + name + ".";
      c.distinctCount().ifPresent(v -> p.setProperty(k + "ndv", Long.toString(v)));
      if (c.min() != null) p.setProperty(k + "min", c.min().toString());
      if (c.max() != null) p.setProperty(k + "max", c.max().toString());
      c.nullCount().ifPresent(v -> p.setProperty(k + "nulls", Long.toString(v)));
      c.avgLen().ifPresent(v -> p.setProperty(k + "avgLen", Double.toString(v)));
      c.maxLen().ifPresent(v -> p.setProperty(k + "maxLen", Long.toString(v)));
      if (c.histogram() != null) p.setProperty(k + "histogram", c.histogram().encode());
    });
    return p;
  }

  static Statistics read(Properties p, Schema schema) {
    Map<String, ColumnStat> cols = new HashMap<>();
    for (Field f : schema.fields()) {
      String k = "column." + f.name().toLowerCase(java.util.Locale.ROOT) + ".";
      ColumnStat c = new ColumnStat(optLong(p, k + "ndv"), value(p.getProperty(k + "min"), f.type()),
          value(p.getProperty(k + "max"), f.type()), optLong(p, k + "nulls"),
          p.getProperty(k + "avgLen") == null ? OptionalDouble.empty()
              : OptionalDouble.of(Double.parseDouble(p.getProperty(k + "avgLen"))),
          optLong(p, k + "maxLen"),
          p.getProperty(k + "histogram") == null ? null : Histogram.decode(p.getProperty(k + "histogram")));
      if (c.isKnown()) cols.put(f.name(), c);
    }
    return new Statistics(optLong(p, "rows"), optLong(p, "bytes"), cols);
  }

  private static OptionalLong optLong(Properties p, String key) {
    String v = p.getProperty(key);
    return v == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v));
  }

  /** Text back to Ember's boxed value of {@code t}; null for types whose bounds are not kept. */
  static Object value(String text, DataType t) {
    if (text == null) return null;
    return switch (t.id()) {
      case TINYINT -> Byte.parseByte(text);
      case SMALLINT -> Short.parseShort(text);
      case INT, DATE, INTERVAL_YEAR_MONTH -> Integer.parseInt(text);
      case BIGINT, TIMESTAMP, TIMESTAMP_TZ, INTERVAL_DAY_TIME -> Long.parseLong(text);
      case FLOAT -> Float.parseFloat(text);
      case DOUBLE -> Double.parseDouble(text);
      case DECIMAL -> t.isLongDecimal() ? (Object) Long.parseLong(text) : new BigDecimal(text);
      default -> null;
    };
  }
}
