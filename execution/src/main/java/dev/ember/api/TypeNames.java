package dev.ember.api;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Type names a DataFrame user may write (Spark's and SQL's), and the SQL spelling Calcite parses. */
final class TypeNames {
  private static final Pattern DECIMAL = Pattern.compile("(?:decimal|numeric|dec)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");
  private static final Map<String, DataType> NAMES = Map.ofEntries(
      Map.entry("string", DataType.VARCHAR), Map.entry("varchar", DataType.VARCHAR), Map.entry("text", DataType.VARCHAR),
      Map.entry("int", DataType.INT), Map.entry("integer", DataType.INT),
      Map.entry("long", DataType.BIGINT), Map.entry("bigint", DataType.BIGINT),
      Map.entry("short", DataType.SMALLINT), Map.entry("smallint", DataType.SMALLINT),
      Map.entry("byte", DataType.TINYINT), Map.entry("tinyint", DataType.TINYINT),
      Map.entry("double", DataType.DOUBLE), Map.entry("float", DataType.FLOAT), Map.entry("real", DataType.FLOAT),
      Map.entry("boolean", DataType.BOOLEAN), Map.entry("bool", DataType.BOOLEAN),
      Map.entry("date", DataType.DATE), Map.entry("timestamp", DataType.TIMESTAMP),
      Map.entry("binary", DataType.VARBINARY), Map.entry("varbinary", DataType.VARBINARY));

  private TypeNames() {}

  /** The type called {@code name}: {@code "int"}, {@code "string"}, {@code "decimal(10,2)"}, {@code "array<int>"}, … */
  static DataType type(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    DataType t = NAMES.get(n);
    if (t != null) return t;
    if (n.startsWith("array") && n.substring(5).trim().startsWith("<") && n.endsWith(">")) {
      String inner = n.substring(5).trim();
      return DataType.array(type(inner.substring(1, inner.length() - 1)));
    }
    Matcher m = DECIMAL.matcher(n);
    if (m.matches()) {
      int p = m.group(1) == null ? 10 : Integer.parseInt(m.group(1));
      int s = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      if (p >= 1 && p <= DataType.MAX_DECIMAL_PRECISION && s <= p) return DataType.decimal(p, s);
    }
    throw new EmberException(EmberException.SYNTAX_ERROR, "unknown type name '" + name + "'");
  }

  /** The type in SQL as Ember's parser reads it (Calcite's FLOAT is a double, so REAL). */
  static String sql(DataType type) {
    return switch (type.id()) {
      case FLOAT -> "REAL";
      case INT -> "INTEGER";
      case TIMESTAMP_TZ -> "TIMESTAMP WITH LOCAL TIME ZONE";
      default -> type.sql();
    };
  }
}
