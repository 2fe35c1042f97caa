package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.TypeId;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The interpreter's built-in functions. Null-intolerant functions evaluate their arguments left
 * to right and return NULL at the first NULL; integer-valued results (lengths, positions, date
 * fields, signs) are computed as INT and cast to the call's type with {@link Casts}, as the
 * generated code does.
 */
final class CallEval {
  private CallEval() {}

  static Object eval(Call c, Object[] row, QueryClock clock) {
    List<Expr> args = c.args();
    switch (c.fn()) {
      case COALESCE:
        for (Expr a : args) {
          Object v = Interpreter.eval(a, row, clock);
          if (v != null) return v;
        }
        return null;
      case NULLIF: {
        Object a = Interpreter.eval(args.get(0), row, clock), b = Interpreter.eval(args.get(1), row, clock);
        if (a == null) return null;
        return b != null && Compare.equalValues(a, b, args.get(0).dataType()) ? null : a;
      }
      case GREATEST:
      case LEAST: {
        Object best = null;
        DataType t = c.type();
        for (Expr a : args) {
          Object v = Interpreter.eval(a, row, clock);
          if (v == null) continue;
          int cmp = best == null ? 0 : Compare.compareValues(v, best, t);
          if (best == null || (c.fn() == Call.Fn.GREATEST ? cmp > 0 : cmp < 0)) best = v;
        }
        return best;
      }
      case CURRENT_DATE:
        return (clock != null ? clock : QueryClock.now()).currentDate();
      case CURRENT_TIMESTAMP: {
        QueryClock k = clock != null ? clock : QueryClock.now();
        return c.type().id() == TypeId.TIMESTAMP ? k.localTimestamp() : k.currentTimestamp();
      }
      case RANDOM:
        return MathOps.random();
      case SCALAR_SUBQUERY_CHECK: {
        // NULL rows: the outer join found no group, so the subquery returned no row.
        Object rows = Interpreter.eval(args.get(0), row, clock);
        if (rows != null) ScalarSubqueries.checkRowCount(((Number) rows).longValue());
        return Interpreter.eval(args.get(1), row, clock);
      }
      default:
        break;
    }
    Object[] v = new Object[args.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = Interpreter.eval(args.get(i), row, clock);
      if (v[i] == null) return null;
    }
    return apply(c, v);
  }

  private static Utf8String s(Object v) { return (Utf8String) v; }

  private static long n(Object v) { return ((Number) v).longValue(); }

  private static Object ofInt(int v, DataType t) { return Casts.cast(v, DataType.INT, t); }

  private static Object ofDouble(double v, DataType t) { return Casts.cast(v, DataType.DOUBLE, t); }

  private static double toDouble(Object v, DataType from) { return (Double) Casts.cast(v, from, DataType.DOUBLE); }

  private static Object apply(Call c, Object[] v) {
    DataType t = c.type();
    DataType a0 = c.args().get(0).dataType();
    int n = v.length;
    switch (c.fn()) {
      case LIKE:
      case ILIKE:
        return LikeMatcher.cached(s(v[1]), n > 2 ? s(v[2]) : null, c.fn() == Call.Fn.ILIKE).matches(s(v[0]));
      case SUBSTRING:
        return n == 2 ? StringOps.substring(s(v[0]), n(v[1])) : StringOps.substring(s(v[0]), n(v[1]), n(v[2]));
      case UPPER: return StringOps.upper(s(v[0]));
      case LOWER: return StringOps.lower(s(v[0]));
      case TRIM: return n == 1 ? StringOps.trim(s(v[0])) : StringOps.trim(s(v[0]), s(v[1]));
      case LTRIM: return n == 1 ? StringOps.ltrim(s(v[0])) : StringOps.ltrim(s(v[0]), s(v[1]));
      case RTRIM: return n == 1 ? StringOps.rtrim(s(v[0])) : StringOps.rtrim(s(v[0]), s(v[1]));
      case CHAR_LENGTH: return ofInt(StringOps.charLength(s(v[0])), t);
      case CONCAT: {
        if (t.id() == TypeId.VARBINARY) {
          byte[] out = (byte[]) v[0];
          for (int i = 1; i < n; i++) out = StringOps.concat(out, (byte[]) v[i]);
          return out;
        }
        Utf8String[] parts = new Utf8String[n];
        for (int i = 0; i < n; i++) parts[i] = s(v[i]);
        return StringOps.concat(parts);
      }
      case REPLACE: return StringOps.replace(s(v[0]), s(v[1]), s(v[2]));
      case POSITION: return ofInt(StringOps.position(s(v[0]), s(v[1])), t);
      case LPAD: return n == 2 ? StringOps.lpad(s(v[0]), n(v[1])) : StringOps.lpad(s(v[0]), n(v[1]), s(v[2]));
      case RPAD: return n == 2 ? StringOps.rpad(s(v[0]), n(v[1])) : StringOps.rpad(s(v[0]), n(v[1]), s(v[2]));
      case SPLIT_PART: return StringOps.splitPart(s(v[0]), s(v[1]), n(v[2]));
      case STARTS_WITH: return StringOps.startsWith(s(v[0]), s(v[1]));
      case ENDS_WITH: return StringOps.endsWith(s(v[0]), s(v[1]));
      case CONTAINS: return StringOps.contains(s(v[0]), s(v[1]));
      case REGEXP_LIKE: return n == 2 ? RegexOps.like(s(v[0]), s(v[1])) : RegexOps.like(s(v[0]), s(v[1]), s(v[2]));
      case REGEXP_REPLACE:
        return n == 3 ? RegexOps.replace(s(v[0]), s(v[1]), s(v[2])) : RegexOps.replace(s(v[0]), s(v[1]), s(v[2]), s(v[3]));
      case EXTRACT_YEAR: return ofInt(DateOps.year(days(v[0], a0)), t);
      case EXTRACT_QUARTER: return ofInt(DateOps.quarter(days(v[0], a0)), t);
      case EXTRACT_MONTH: return ofInt(DateOps.month(days(v[0], a0)), t);
      case EXTRACT_DAY: return ofInt(DateOps.day(days(v[0], a0)), t);
      case EXTRACT_DAY_OF_WEEK: return ofInt(DateOps.dayOfWeek(days(v[0], a0)), t);
      case EXTRACT_DAY_OF_YEAR: return ofInt(DateOps.dayOfYear(days(v[0], a0)), t);
      case EXTRACT_HOUR: return ofInt(DateOps.hour(micros(v[0], a0)), t);
      case EXTRACT_MINUTE: return ofInt(DateOps.minute(micros(v[0], a0)), t);
      case EXTRACT_SECOND: return second(micros(v[0], a0), t);
      case DATE_TRUNC: {
        int unit = DateOps.truncUnit(s(v[0]));
        DataType vt = c.args().get(1).dataType();
        if (vt.id() == TypeId.DATE) {
          int d = DateOps.truncDate(unit, (Integer) v[1]);
          return Casts.cast(d, DataType.DATE, t);
        }
        return Casts.cast(DateOps.truncTimestamp(unit, (Long) v[1]), vt, t);
      }
      case DATE_ADD: return DateOps.addDays((Integer) v[0], n(v[1]));
      case DATEDIFF:
        return ofInt(DateOps.dateDiff(days(v[0], a0), days(v[1], c.args().get(1).dataType())), t);
      case ABS: return abs(v[0], a0);
      case SIGN: return sign(v[0], a0, t);
      case ROUND: return round(v[0], a0, n == 2 ? n(v[1]) : 0, RoundingMode.HALF_UP, t);
      case FLOOR: return round(v[0], a0, 0, RoundingMode.FLOOR, t);
      case CEIL: return round(v[0], a0, 0, RoundingMode.CEILING, t);
      case POWER: return ofDouble(MathOps.power(toDouble(v[0], a0), toDouble(v[1], c.args().get(1).dataType())), t);
      case SQRT: return ofDouble(MathOps.sqrt(toDouble(v[0], a0)), t);
      case LN: return ofDouble(MathOps.ln(toDouble(v[0], a0)), t);
      case LOG10: return ofDouble(MathOps.log10(toDouble(v[0], a0)), t);
      case EXP: return ofDouble(MathOps.exp(toDouble(v[0], a0)), t);
      case ARRAY_SIZE: return ofInt(ArrayOps.size((List<?>) v[0]), t);
      case ARRAY_CONTAINS: return ArrayOps.contains((List<?>) v[0], v[1], a0.elementType());
      case ELEMENT_AT: return ArrayOps.elementAt((List<?>) v[0], n(v[1]));
      default:
        throw new IllegalStateException("no interpreter for function " + c.fn());
    }
  }

  /** Days of a DATE, or of the day a timestamp falls on. */
  static int days(Object v, DataType t) { return t.id() == TypeId.DATE ? (Integer) v : DateOps.daysOf((Long) v); }

  /** Microseconds of a timestamp, or of a date's midnight. */
  static long micros(Object v, DataType t) {
    return t.id() == TypeId.DATE ? CastOps.dateToTimestamp((Integer) v) : (Long) v;
  }

  private static Object second(long micros, DataType t) {
    if (t.isDecimal()) return Casts.cast(DateOps.secondMicros(micros), DataType.decimal(8, 6), t);
    if (t.isFloatingPoint()) return Casts.cast(DateOps.secondMicros(micros) / 1e6, DataType.DOUBLE, t);
    return ofInt(DateOps.second(micros), t);
  }

  private static Object abs(Object v, DataType t) {
    return switch (t.id()) {
      case TINYINT -> IntegralOps.toByte(Math.abs((long) (Byte) v));
      case SMALLINT -> IntegralOps.toShort(Math.abs((long) (Short) v));
      case INT -> IntegralOps.absInt((Integer) v);
      case BIGINT -> IntegralOps.absLong((Long) v);
      case FLOAT -> Math.abs((Float) v);
      case DOUBLE -> Math.abs((Double) v);
      case DECIMAL -> v instanceof Long l ? (Object) DecimalOps.abs(l) : DecimalOps.abs((BigDecimal) v);
      default -> throw new IllegalArgumentException("abs of " + t);
    };
  }

  private static Object sign(Object v, DataType at, DataType t) {
    return switch (at.id()) {
      case FLOAT -> Casts.cast(MathOps.sign((Float) v), DataType.FLOAT, t);
      case DOUBLE -> ofDouble(MathOps.sign((Double) v), t);
      case DECIMAL -> ofInt(v instanceof Long l ? Long.signum(l) : ((BigDecimal) v).signum(), t);
      default -> ofInt(Long.signum(n(v)), t);
    };
  }

  private static Object round(Object v, DataType at, long digits, RoundingMode mode, DataType t) {
    switch (at.id()) {
      case FLOAT:
        return Casts.cast(mode == RoundingMode.HALF_UP ? MathOps.round((Float) v, digits)
            : (float) (mode == RoundingMode.FLOOR ? Math.floor((Float) v) : Math.ceil((Float) v)), DataType.FLOAT, t);
      case DOUBLE:
        return ofDouble(mode == RoundingMode.HALF_UP ? MathOps.round((Double) v, digits)
            : mode == RoundingMode.FLOOR ? Math.floor((Double) v) : Math.ceil((Double) v), t);
      case DECIMAL: {
        if (!t.isDecimal()) {
          BigDecimal r = DecimalOps.round(ArithmeticEval.big(v, at), digits, mode, 38, at.scale());
          return Casts.cast(r, DataType.decimal(38, at.scale()), t);
        }
        if (v instanceof Long l && t.isLongDecimal()) {
          return DecimalOps.round(l, at.scale(), digits, mode, t.precision(), t.scale());
        }
        BigDecimal r = DecimalOps.round(ArithmeticEval.big(v, at), digits, mode, t.precision(), t.scale());
        return t.isLongDecimal() ? (Object) DecimalOps.toLong(r, t.precision(), t.scale()) : r;
      }
      default:
        return Casts.cast(MathOps.roundLong(n(v), digits), DataType.BIGINT, t);
    }
  }
}
