package dev.ember.api;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Converts between Ember's value representation (see {@link DataType#boxedClass()}) and the Java
 * types a {@link Row} hands out: String, BigDecimal, LocalDate, LocalDateTime, the boxed
 * primitives, and for an ARRAY an unmodifiable {@code java.util.List} of its elements' Java forms.
 */
final class RowValues {
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  private RowValues() {}

  /** The Java form of an Ember value of type {@code t}. */
  static Object toJava(Object v, DataType t) {
    if (v == null) return null;
    return switch (t.id()) {
      case VARCHAR -> v.toString();
      case DECIMAL -> v instanceof Long l ? BigDecimal.valueOf(l, t.scale()) : v;
      case DATE -> LocalDate.ofEpochDay((Integer) v);
      case TIMESTAMP, TIMESTAMP_TZ -> EPOCH.plus((Long) v, ChronoUnit.MICROS);
      case ARRAY -> mapList((java.util.List<?>) v, e -> toJava(e, t.elementType()));
      default -> v;
    };
  }

  private static java.util.List<Object> mapList(java.util.List<?> in, java.util.function.UnaryOperator<Object> f) {
    java.util.List<Object> out = new java.util.ArrayList<>(in.size());
    for (Object e : in) out.add(f.apply(e));
    return java.util.Collections.unmodifiableList(out);
  }

  /** The Ember form of a Java value for a column of type {@code t} (numbers are converted). */
  static Object toEmber(Object v, DataType t) {
    if (v == null) return null;
    try {
      return switch (t.id()) {
        case BOOLEAN -> (Boolean) v;
        case TINYINT -> ((Number) v).byteValue();
        case SMALLINT -> ((Number) v).shortValue();
        case INT -> ((Number) v).intValue();
        case BIGINT -> ((Number) v).longValue();
        case FLOAT -> ((Number) v).floatValue();
        case DOUBLE -> ((Number) v).doubleValue();
        case DECIMAL -> {
          BigDecimal d = (v instanceof BigDecimal b ? b : new BigDecimal(v.toString())).setScale(t.scale(), RoundingMode.HALF_UP);
          yield t.isLongDecimal() ? d.unscaledValue().longValueExact() : d;
        }
        case VARCHAR -> Utf8String.of(v.toString());
        case DATE -> v instanceof java.sql.Date d ? (int) d.toLocalDate().toEpochDay() : (int) ((LocalDate) v).toEpochDay();
        case TIMESTAMP, TIMESTAMP_TZ -> micros(v);
        case VARBINARY -> (byte[]) v;
        case INTERVAL_YEAR_MONTH -> ((Number) v).intValue();
        case INTERVAL_DAY_TIME -> ((Number) v).longValue();
        case NULL -> null;
        case ARRAY -> mapList(v instanceof Object[] a ? java.util.Arrays.asList(a) : (java.util.List<?>) v,
            e -> toEmber(e, t.elementType()));
      };
    } catch (ClassCastException | ArithmeticException | NumberFormatException e) {
      throw new EmberException(EmberException.DATATYPE_MISMATCH,
          "value " + v + " (" + v.getClass().getSimpleName() + ") does not fit a column of type " + t.sql());
    }
  }

  private static long micros(Object v) {
    Instant i;
    if (v instanceof LocalDateTime t) i = t.toInstant(ZoneOffset.UTC);
    else if (v instanceof java.sql.Timestamp ts) i = ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    else if (v instanceof Instant in) i = in;
    else throw new ClassCastException();
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
  }
}
