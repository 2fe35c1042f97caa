package dev.ember.codegen.expr.oracle;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/** An in-memory DuckDB used as the independent oracle: evaluates SQL expressions as text. */
final class DuckDb implements AutoCloseable {
  /** A DuckDB answer: the value cast to VARCHAR (null for NULL), or the error message. */
  record Answer(String value, String error) {}

  private final Connection connection;

  DuckDb() throws SQLException { connection = DriverManager.getConnection("jdbc:duckdb:"); }

  /** {@code SELECT CAST((sql) AS VARCHAR)}. */
  Answer eval(String sql) {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT CAST((" + sql + ") AS VARCHAR)")) {
      r.next();
      return new Answer(r.getString(1), null);
    } catch (SQLException e) {
      return new Answer(null, e.getMessage());
    }
  }

  @Override public void close() throws SQLException { connection.close(); }

  /** A DuckDB literal of a boxed Ember value of type {@code t}. */
  static String literal(Object v, DataType t) {
    String type = duckType(t);
    if (v == null) return "CAST(NULL AS " + type + ")";
    return switch (t.id()) {
      case BOOLEAN -> v.toString();
      case TINYINT, SMALLINT, INT, BIGINT -> "CAST(" + v + " AS " + type + ")";
      case FLOAT, DOUBLE -> "CAST('" + v + "' AS " + type + ")";
      case DECIMAL -> "CAST('" + (v instanceof Long l ? BigDecimal.valueOf(l, t.scale()) : (BigDecimal) v).toPlainString()
          + "' AS " + type + ")";
      case VARCHAR -> "'" + ((Utf8String) v).toString().replace("'", "''") + "'";
      case DATE -> "DATE '" + LocalDate.ofEpochDay((Integer) v) + "'";
      case TIMESTAMP -> "TIMESTAMP '" + timestamp((Long) v) + "'";
      case TIMESTAMP_TZ -> "TIMESTAMPTZ '" + timestamp((Long) v) + "+00'";
      case INTERVAL_YEAR_MONTH -> "INTERVAL (" + v + ") MONTH";
      case INTERVAL_DAY_TIME -> "INTERVAL (" + v + ") MICROSECOND";
      default -> throw new IllegalArgumentException("no DuckDB literal for " + t);
    };
  }

  private static String timestamp(long micros) {
    long days = Math.floorDiv(micros, 86_400_000_000L), rest = micros - days * 86_400_000_000L;
    return LocalDate.ofEpochDay(days) + " " + java.time.LocalTime.ofNanoOfDay(rest * 1000);
  }

  static String duckType(DataType t) {
    return switch (t.id()) {
      case INT -> "INTEGER";
      case TIMESTAMP_TZ -> "TIMESTAMPTZ";
      case VARBINARY -> "BLOB";
      case INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME -> "INTERVAL";
      default -> t.sql();
    };
  }
}
