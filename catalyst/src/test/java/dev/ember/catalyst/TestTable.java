package dev.ember.catalyst;

import dev.ember.catalyst.catalog.Table;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table for tests: a name, columns written as {@code "a INT"}, {@code "p DECIMAL(15,2)"} or
 * {@code "k BIGINT NOT NULL"}, and optional statistics.
 */
public record TestTable(String name, Schema schema, Statistics statistics) implements Table {
  public static TestTable of(String name, String... columns) {
    List<Field> fields = new ArrayList<>();
    for (String c : columns) fields.add(parseColumn(c));
    return new TestTable(name, new Schema(fields), Statistics.UNKNOWN);
  }

  public TestTable withStatistics(Statistics s) { return new TestTable(name, schema, s); }

  /** {@code "name TYPE [NOT NULL]"}. */
  public static Field parseColumn(String spec) {
    String s = spec.trim();
    boolean notNull = s.toUpperCase(Locale.ROOT).endsWith(" NOT NULL");
    if (notNull) s = s.substring(0, s.length() - " NOT NULL".length()).trim();
    int space = s.indexOf(' ');
    if (space < 0) throw new IllegalArgumentException("column spec needs a type: " + spec);
    return new Field(s.substring(0, space), parseType(s.substring(space + 1).trim()), !notNull);
  }

  /** A type name as SQL spells it: INT, BIGINT, DECIMAL(15,2), VARCHAR, DATE, … */
  public static DataType parseType(String t) {
    String u = t.toUpperCase(Locale.ROOT).replace(" ", "");
    if (u.startsWith("DECIMAL(")) {
      String[] ps = u.substring(8, u.length() - 1).split(",");
      return DataType.decimal(Integer.parseInt(ps[0]), ps.length > 1 ? Integer.parseInt(ps[1]) : 0);
    }
    return switch (u) {
      case "BOOLEAN" -> DataType.BOOLEAN;
      case "TINYINT" -> DataType.TINYINT;
      case "SMALLINT" -> DataType.SMALLINT;
      case "INT", "INTEGER" -> DataType.INT;
      case "BIGINT" -> DataType.BIGINT;
      case "FLOAT", "REAL" -> DataType.FLOAT;
      case "DOUBLE" -> DataType.DOUBLE;
      case "DATE" -> DataType.DATE;
      case "TIMESTAMP" -> DataType.TIMESTAMP;
      case "VARCHAR", "STRING", "TEXT" -> DataType.VARCHAR;
      case "VARBINARY" -> DataType.VARBINARY;
      default -> throw new IllegalArgumentException("unknown type in test schema: " + t);
    };
  }
}
