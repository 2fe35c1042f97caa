package dev.ember.sql.convert;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import dev.ember.sql.validate.TypeMapping;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * Calcite literals as catalyst {@link Literal}s in Ember's value representation: DATE as days,
 * TIMESTAMP as microseconds, DECIMAL as an unscaled long (or BigDecimal above 18 digits),
 * CHAR/VARCHAR as {@link Utf8String}, intervals as months or microseconds.
 */
final class Literals {
  private static final long MICROS_PER_MILLI = 1000L;

  private Literals() {}

  static Literal convert(RexLiteral lit) {
    DataType type = TypeMapping.toEmber(lit.getType());
    if (lit.isNull()) return Literal.nullOf(type);
    Object value = switch (type.id()) {
      case NULL -> null;
      case BOOLEAN -> lit.getValueAs(Boolean.class);
      case TINYINT -> decimal(lit).byteValueExact();
      case SMALLINT -> decimal(lit).shortValueExact();
      case INT -> decimal(lit).intValueExact();
      case BIGINT -> decimal(lit).longValueExact();
      case FLOAT -> lit.getValueAs(Double.class).floatValue();
      case DOUBLE -> lit.getValueAs(Double.class);
      case DECIMAL -> {
        BigDecimal v = decimal(lit).setScale(type.scale());
        yield type.isLongDecimal() ? (Object) v.unscaledValue().longValueExact() : v;
      }
      case VARCHAR -> Utf8String.of(lit.getValueAs(String.class));
      case VARBINARY -> lit.getValueAs(ByteString.class).getBytes();
      case DATE -> lit.getValueAs(DateString.class).getDaysSinceEpoch();
      case TIMESTAMP, TIMESTAMP_TZ -> micros(lit.getValueAs(TimestampString.class));
      case INTERVAL_YEAR_MONTH -> decimal(lit).intValueExact();
      case INTERVAL_DAY_TIME -> decimal(lit).longValueExact() * MICROS_PER_MILLI;
      case ARRAY -> throw EmberException.notSupported("array literals");
    };
    return new Literal(value, type);
  }

  private static BigDecimal decimal(RexLiteral lit) {
    BigDecimal v = lit.getValueAs(BigDecimal.class);
    if (v == null) throw new EmberException(EmberException.INTERNAL_ERROR, "literal without a value: " + lit);
    return v;
  }

  /** Microseconds since the epoch of a timestamp literal (Calcite keeps up to nanoseconds). */
  private static long micros(TimestampString ts) {
    LocalDateTime t = LocalDateTime.parse(ts.toString().replace(' ', 'T'));
    return ChronoUnit.MICROS.between(LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC), t);
  }

  /** The numeric value of an integral or decimal literal. */
  static BigDecimal toBigDecimal(Literal l) {
    Object v = l.value();
    if (l.type().isDecimal()) {
      return v instanceof Long u ? BigDecimal.valueOf(u, l.type().scale()) : (BigDecimal) v;
    }
    return BigDecimal.valueOf(((Number) v).longValue());
  }
}
