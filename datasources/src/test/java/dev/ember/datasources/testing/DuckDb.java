package dev.ember.datasources.testing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** An in-memory DuckDB connection for tests: the independent oracle. */
public final class DuckDb implements AutoCloseable {
  private final Connection connection;

  public DuckDb() {
    try {
      connection = DriverManager.getConnection("jdbc:duckdb:");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public void execute(String sql) {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Every row of the query, each value in {@link #canonical} form. */
  public List<List<Object>> rows(String sql) {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData md = r.getMetaData();
      List<List<Object>> out = new ArrayList<>();
      while (r.next()) {
        List<Object> row = new ArrayList<>(md.getColumnCount());
        for (int c = 1; c <= md.getColumnCount(); c++) row.add(canonical(r, c, md.getColumnType(c)));
        out.add(row);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The single value of a one-row, one-column query. */
  public Object value(String sql) {
    return rows(sql).get(0).get(0);
  }

  /**
   * Values as the tests compare them: integers as Long, DECIMAL as BigDecimal, DATE as Long days,
   * TIMESTAMP as Long microseconds (UTC for WITH TIME ZONE), text as String, floats as Double,
   * bytes as a hex String, lists as java.util.List of such values.
   */
  private static Object canonical(ResultSet r, int c, int sqlType) throws SQLException {
    Object o = r.getObject(c);
    if (o == null) return null;
    switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT:
        return ((Number) o).longValue();
      case Types.DECIMAL, Types.NUMERIC:
        return r.getBigDecimal(c);
      case Types.FLOAT, Types.REAL, Types.DOUBLE:
        return ((Number) o).doubleValue();
      case Types.DATE:
        return r.getObject(c, LocalDate.class).toEpochDay();
      case Types.TIMESTAMP:
        return micros(r.getObject(c, LocalDateTime.class).toInstant(ZoneOffset.UTC));
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return micros(r.getObject(c, OffsetDateTime.class).toInstant());
      case Types.BINARY, Types.VARBINARY, Types.BLOB, Types.LONGVARBINARY:
        return hex(r.getBytes(c));
      case Types.BOOLEAN, Types.BIT:
        return r.getBoolean(c);
      case Types.ARRAY:
        return list((java.sql.Array) o);
      default:
        if (o instanceof BigDecimal) return o;
        if (o instanceof java.math.BigInteger bi) return new BigDecimal(bi);
        if (o instanceof Byte || o instanceof Short || o instanceof Integer || o instanceof Long) {
          return ((Number) o).longValue();
        }
        return o.toString();
    }
  }

  /** A list's elements in the same canonical forms, by their JDBC classes (nested lists too). */
  private static List<Object> list(java.sql.Array a) throws SQLException {
    List<Object> out = new ArrayList<>();
    for (Object e : (Object[]) a.getArray()) out.add(element(e));
    return out;
  }

  private static Object element(Object e) throws SQLException {
    if (e == null) return null;
    if (e instanceof java.sql.Array inner) return list(inner);
    if (e instanceof Byte || e instanceof Short || e instanceof Integer || e instanceof Long) return ((Number) e).longValue();
    if (e instanceof Float || e instanceof Double) return ((Number) e).doubleValue();
    if (e instanceof java.math.BigInteger bi) return new BigDecimal(bi);
    if (e instanceof LocalDate d) return d.toEpochDay();
    if (e instanceof java.sql.Date d) return d.toLocalDate().toEpochDay();
    if (e instanceof java.sql.Timestamp t) return micros(t.toLocalDateTime().toInstant(ZoneOffset.UTC));
    if (e instanceof LocalDateTime t) return micros(t.toInstant(ZoneOffset.UTC));
    if (e instanceof OffsetDateTime t) return micros(t.toInstant());
    if (e instanceof java.sql.Blob b) return hex(b.getBytes(1, (int) b.length()));
    if (e instanceof byte[] b) return hex(b);
    if (e instanceof BigDecimal || e instanceof Boolean || e instanceof String) return e;
    return e.toString();
  }

  private static long micros(java.time.Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
  }

  public static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) sb.append(String.format("%02x", x));
    return sb.toString();
  }

  @Override public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
