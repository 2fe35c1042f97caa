package dev.ember.bench;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * One form for values from either engine, so answers compare without knowing their source:
 * integers and decimals become BigDecimal (compared numerically), FLOAT and DOUBLE Double
 * (compared with a tolerance), VARCHAR String, DATE LocalDate, TIMESTAMP LocalDateTime,
 * TIMESTAMP_TZ Instant, VARBINARY a hex String, intervals Period / Duration.
 */
public final class CanonicalValues {
  private CanonicalValues() {}

  /** The canonical form of an Ember value in its boxed representation for {@code type}. */
  public static Object fromEmber(Object v, DataType type) {
    if (v == null) return null;
    return switch (type.id()) {
      case NULL -> null;
      case BOOLEAN -> v;
      case TINYINT, SMALLINT, INT, BIGINT -> BigDecimal.valueOf(((Number) v).longValue());
      case FLOAT, DOUBLE -> ((Number) v).doubleValue();
      case DECIMAL -> v instanceof Long unscaled ? BigDecimal.valueOf(unscaled, type.scale()) : (BigDecimal) v;
      case DATE -> LocalDate.ofEpochDay((Integer) v);
      case TIMESTAMP -> LocalDateTime.ofEpochSecond(Math.floorDiv((Long) v, 1_000_000L),
          (int) Math.floorMod((Long) v, 1_000_000L) * 1000, ZoneOffset.UTC);
      case TIMESTAMP_TZ -> Instant.EPOCH.plusNanos(Math.multiplyExact((Long) v, 1000L));
      case VARCHAR -> ((Utf8String) v).toString();
      case VARBINARY -> HexFormat.of().formatHex((byte[]) v);
      case INTERVAL_YEAR_MONTH -> Period.ofMonths((Integer) v).normalized();
      case INTERVAL_DAY_TIME -> Duration.ofNanos(Math.multiplyExact((Long) v, 1000L));
      case ARRAY -> {
        java.util.List<Object> out = new java.util.ArrayList<>();
        for (Object e : (java.util.List<?>) v) out.add(fromEmber(e, type.elementType()));
        yield out;
      }
    };
  }

  /** The canonical form of a value from DuckDB's JDBC {@code getObject}. */
  public static Object fromJdbc(Object v) {
    if (v == null) return null;
    if (v instanceof BigDecimal d) return d;
    if (v instanceof BigInteger i) return new BigDecimal(i);
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof Double || v instanceof Float) return ((Number) v).doubleValue();
    if (v instanceof java.sql.Date d) return d.toLocalDate();
    if (v instanceof java.sql.Timestamp t) return t.toLocalDateTime();
    if (v instanceof OffsetDateTime t) return t.toInstant();
    if (v instanceof byte[] b) return HexFormat.of().formatHex(b);
    if (v instanceof java.sql.Array a) {
      try {
        java.util.List<Object> out = new java.util.ArrayList<>();
        for (Object e : (Object[]) a.getArray()) out.add(fromJdbc(e));
        return out;
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("cannot read an ARRAY value", e);
      }
    }
    if (v instanceof java.sql.Blob b) {
      try {
        return HexFormat.of().formatHex(b.getBytes(1, (int) b.length()));
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("cannot read a BLOB value", e);
      }
    }
    return v; // String, Boolean, LocalDate, LocalDateTime: compared by equals
  }

  /** A short rendering for mismatch notes: strings quoted, numbers plain. */
  public static String show(Object v) {
    if (v == null) return "NULL";
    if (v instanceof String s) return "'" + s + "'";
    if (v instanceof BigDecimal d) return d.toPlainString();
    return v.toString();
  }
}
