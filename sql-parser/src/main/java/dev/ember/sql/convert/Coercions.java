package dev.ember.sql.convert;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.DecimalRules;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.TypeId;
import java.math.BigDecimal;
import java.util.List;

/**
 * Where operands must share a type (comparisons, IN, CASE branches, COALESCE), the type they
 * share, and the casts that get them there. Calcite validates types but leaves many operands
 * uncast (INT compared with BIGINT); catalyst's evaluators rely on explicit casts.
 */
final class Coercions {
  private Coercions() {}

  /** The type both operands are cast to before they are compared or combined. */
  static DataType common(DataType a, DataType b) {
    if (a.equals(b)) return a;
    if (a.id() == TypeId.NULL) return b;
    if (b.id() == TypeId.NULL) return a;
    if (a.isNumeric() && b.isNumeric()) return commonNumeric(a, b);
    if (a.isDatetime() && b.isDatetime()) {
      return a.id() == TypeId.TIMESTAMP_TZ || b.id() == TypeId.TIMESTAMP_TZ ? DataType.TIMESTAMP_TZ : DataType.TIMESTAMP;
    }
    if (a.isString() && !b.isString()) return b;
    if (b.isString() && !a.isString()) return a;
    throw new EmberException(EmberException.DATATYPE_MISMATCH, "cannot compare " + a.sql() + " with " + b.sql());
  }

  /** The common type of all of {@code types}. */
  static DataType common(List<DataType> types) {
    DataType out = DataType.NULL;
    for (DataType t : types) out = common(out, t);
    return out;
  }

  private static DataType commonNumeric(DataType a, DataType b) {
    if (a.isFloatingPoint() || b.isFloatingPoint()) {
      return a.id() == TypeId.FLOAT && b.id() == TypeId.FLOAT ? DataType.FLOAT : DataType.DOUBLE;
    }
    if (a.isDecimal() || b.isDecimal()) {
      DataType x = DecimalRules.forType(a);
      DataType y = DecimalRules.forType(b);
      int scale = Math.max(x.scale(), y.scale());
      int intDigits = Math.max(x.precision() - x.scale(), y.precision() - y.scale());
      int max = DataType.MAX_DECIMAL_PRECISION;
      if (intDigits + scale > max) scale = Math.max(0, max - intDigits);
      return DataType.decimal(Math.min(max, intDigits + scale), scale);
    }
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(DataType t) {
    return switch (t.id()) {
      case TINYINT -> 1;
      case SMALLINT -> 2;
      case INT -> 3;
      case BIGINT -> 4;
      default -> 0;
    };
  }

  /**
   * {@code e} as {@code type}: itself when it already is, a literal of the type when {@code e} is
   * a literal that converts exactly (so plans show {@code 1.00}, not {@code CAST(1 AS …)}), else a
   * cast.
   */
  static Expr cast(Expr e, DataType type) {
    if (e.dataType().equals(type)) return e;
    if (e instanceof Literal l) {
      Literal folded = foldLiteral(l, type);
      if (folded != null) return folded;
    }
    return new Cast(e, type);
  }

  /** An integral or decimal operand of decimal arithmetic as the decimal that holds it exactly. */
  static Expr toDecimal(Expr e) {
    DataType t = e.dataType();
    return t.isDecimal() ? e : cast(e, DecimalRules.forType(t));
  }

  /** True when every value of {@code from} is exactly a value of {@code to} (numbers only). */
  static boolean isWidening(DataType from, DataType to) {
    if (from.equals(to)) return true;
    if (!from.isNumeric() || !to.isNumeric()) return false;
    if (from.isIntegral() && to.isIntegral()) return rank(to) >= rank(from);
    if (to.isDecimal() && (from.isIntegral() || from.isDecimal())) {
      DataType f = DecimalRules.forType(from);
      return to.scale() >= f.scale() && to.precision() - to.scale() >= f.precision() - f.scale();
    }
    if (to.id() == TypeId.DOUBLE) {
      return from.id() == TypeId.FLOAT || from.id() == TypeId.TINYINT || from.id() == TypeId.SMALLINT
          || from.id() == TypeId.INT;
    }
    return false;
  }

  /**
   * The literal as a value of {@code type} when that loses nothing and keeps comparisons exact
   * (numbers that fit, NULL, strings as strings); null otherwise.
   */
  static Literal castLiteralExactly(Literal l, DataType type) {
    if (l.type().equals(type)) return l;
    if (l.value() == null) return Literal.nullOf(type);
    if (!type.isNumeric()) return null;
    if (type.isFloatingPoint()) {
      // Only integers below 2^53 are exact in a DOUBLE (or 2^24 in a FLOAT).
      if (!l.type().isIntegral()) return null;
      long v = ((Number) l.value()).longValue();
      long limit = type.id() == TypeId.FLOAT ? 1L << 24 : 1L << 53;
      if (Math.abs(v) > limit) return null;
      return type.id() == TypeId.FLOAT ? new Literal((float) v, type) : new Literal((double) v, type);
    }
    return foldLiteral(l, type);
  }

  private static Literal foldLiteral(Literal l, DataType type) {
    if (l.value() == null) return Literal.nullOf(type);
    DataType from = l.type();
    if (from.isString() && type.id() == TypeId.DATE) {
      // CAST('1996-01-01' AS DATE): a date literal, so scans can compare dates with it.
      try {
        return new Literal((int) java.time.LocalDate.parse(l.value().toString().strip()).toEpochDay(), type);
      } catch (java.time.format.DateTimeParseException e) {
        return null;
      }
    }
    if (!(from.isIntegral() || from.isDecimal())) return null;
    BigDecimal v = Literals.toBigDecimal(l);
    try {
      if (type.isDecimal()) {
        if (v.scale() > type.scale() && v.stripTrailingZeros().scale() > type.scale()) return null;
        BigDecimal scaled = v.setScale(type.scale());
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) return null;
        return Literal.ofDecimal(scaled, type);
      }
      if (type.isIntegral() && from.isIntegral()) {
        long x = v.longValueExact();
        return switch (type.id()) {
          case TINYINT -> x == (byte) x ? new Literal((byte) x, type) : null;
          case SMALLINT -> x == (short) x ? new Literal((short) x, type) : null;
          case INT -> x == (int) x ? new Literal((int) x, type) : null;
          case BIGINT -> new Literal(x, type);
          default -> null;
        };
      }
      if (type.id() == TypeId.DOUBLE) return new Literal(v.doubleValue(), type);
    } catch (ArithmeticException e) {
      return null;
    }
    return null;
  }
}
