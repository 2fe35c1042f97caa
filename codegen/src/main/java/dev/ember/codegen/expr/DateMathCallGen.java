package dev.ember.codegen.expr;

import static dev.ember.codegen.expr.ExprCodegen.RT;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.eval.DateOps;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.TypeId;
import dev.ember.catalyst.types.Utf8String;
import java.util.function.Function;

/**
 * Date, time and math functions: calls of DateOps and MathOps/DecimalOps, with integer-valued
 * results (date fields, signs) converted to the call's type by {@link CastGen} exactly as the
 * interpreter converts them. CURRENT_DATE/CURRENT_TIMESTAMP are references taken from the
 * context's query clock.
 */
final class DateMathCallGen {
  private static final String DATE = RT + "DateOps";
  private static final String MATH = RT + "MathOps";
  private static final String DECIMAL = RT + "DecimalOps";
  private static final String CAST = RT + "CastOps";
  private static final String INTEGRAL = RT + "IntegralOps";
  private static final String MODE = "java.math.RoundingMode.";

  private DateMathCallGen() {}

  static ExprCode call(Call c, CodegenContext ctx, InputAccessor input) {
    DataType t = c.type();
    DataType a0 = c.args().isEmpty() ? null : c.args().get(0).dataType();
    return switch (c.fn()) {
      case EXTRACT_YEAR -> field(c, ctx, input, v -> DATE + ".year(" + days(v[0], a0) + ")");
      case EXTRACT_QUARTER -> field(c, ctx, input, v -> DATE + ".quarter(" + days(v[0], a0) + ")");
      case EXTRACT_MONTH -> field(c, ctx, input, v -> DATE + ".month(" + days(v[0], a0) + ")");
      case EXTRACT_DAY -> field(c, ctx, input, v -> DATE + ".day(" + days(v[0], a0) + ")");
      case EXTRACT_DAY_OF_WEEK -> field(c, ctx, input, v -> DATE + ".dayOfWeek(" + days(v[0], a0) + ")");
      case EXTRACT_DAY_OF_YEAR -> field(c, ctx, input, v -> DATE + ".dayOfYear(" + days(v[0], a0) + ")");
      case EXTRACT_HOUR -> field(c, ctx, input, v -> DATE + ".hour(" + micros(v[0], a0) + ")");
      case EXTRACT_MINUTE -> field(c, ctx, input, v -> DATE + ".minute(" + micros(v[0], a0) + ")");
      case EXTRACT_SECOND -> fn(c, ctx, input, v -> second(micros(v[0], a0), t));
      case DATE_TRUNC -> dateTrunc(c, ctx, input);
      case DATE_ADD -> fn(c, ctx, input, v -> DATE + ".addDays(" + v[0] + ", (long) " + v[1] + ")");
      case DATEDIFF -> fn(c, ctx, input, v -> CastGen.convert(DATE + ".dateDiff(" + days(v[0], a0) + ", "
          + days(v[1], c.args().get(1).dataType()) + ")", DataType.INT, t));
      case CURRENT_DATE -> ExprCode.ofValue(ctx.addReference(ctx.clock().currentDate(), "int", "currentDate"));
      case CURRENT_TIMESTAMP -> ExprCode.ofValue(ctx.addReference(
          t.id() == TypeId.TIMESTAMP ? ctx.clock().localTimestamp() : ctx.clock().currentTimestamp(), "long", "currentTimestamp"));
      case RANDOM -> {
        String v = ctx.freshName("value");
        yield new ExprCode(ExprCodegen.comment(c) + "double " + v + " = " + MATH + ".random();\n", "false", v);
      }
      case ABS -> fn(c, ctx, input, v -> abs(v[0], a0));
      case SIGN -> fn(c, ctx, input, v -> sign(v[0], a0, t));
      case ROUND -> fn(c, ctx, input, v -> round(v[0], a0, c.args().size() > 1 ? "(long) " + v[1] : "0L", "HALF_UP", t));
      case FLOOR -> fn(c, ctx, input, v -> round(v[0], a0, "0L", "FLOOR", t));
      case CEIL -> fn(c, ctx, input, v -> round(v[0], a0, "0L", "CEILING", t));
      case POWER -> fn(c, ctx, input, v -> ofDouble(MATH + ".power(" + toDouble(v[0], a0) + ", "
          + toDouble(v[1], c.args().get(1).dataType()) + ")", t));
      case SQRT -> fn(c, ctx, input, v -> ofDouble(MATH + ".sqrt(" + toDouble(v[0], a0) + ")", t));
      case LN -> fn(c, ctx, input, v -> ofDouble(MATH + ".ln(" + toDouble(v[0], a0) + ")", t));
      case LOG10 -> fn(c, ctx, input, v -> ofDouble(MATH + ".log10(" + toDouble(v[0], a0) + ")", t));
      case EXP -> fn(c, ctx, input, v -> ofDouble(MATH + ".exp(" + toDouble(v[0], a0) + ")", t));
      default -> throw new IllegalArgumentException("no generated form for " + c.fn());
    };
  }

  private static ExprCode fn(Call c, CodegenContext ctx, InputAccessor input, Function<String[], String> f) {
    return ExprCodegen.nullSafe(c, c.args(), ctx, input, f);
  }

  /** An INT-valued date field converted to the call's type. */
  private static ExprCode field(Call c, CodegenContext ctx, InputAccessor input, Function<String[], String> f) {
    return fn(c, ctx, input, v -> CastGen.convert(f.apply(v), DataType.INT, c.type()));
  }

  private static String days(String v, DataType t) { return t.id() == TypeId.DATE ? v : DATE + ".daysOf(" + v + ")"; }

  private static String micros(String v, DataType t) {
    return t.id() == TypeId.DATE ? CAST + ".dateToTimestamp(" + v + ")" : v;
  }

  private static String second(String micros, DataType t) {
    if (t.isDecimal()) return CastGen.convert(DATE + ".secondMicros(" + micros + ")", DataType.decimal(8, 6), t);
    if (t.isFloatingPoint()) return CastGen.convert("(" + DATE + ".secondMicros(" + micros + ") / 1e6)", DataType.DOUBLE, t);
    return CastGen.convert(DATE + ".second(" + micros + ")", DataType.INT, t);
  }

  private static ExprCode dateTrunc(Call c, CodegenContext ctx, InputAccessor input) {
    DataType vt = c.args().get(1).dataType(), t = c.type();
    String unitField = null;
    if (c.args().get(0) instanceof Literal l && l.value() instanceof Utf8String unit) {
      try {
        unitField = ctx.addReference(DateOps.truncUnit(unit), "int", "truncUnit");
      } catch (EmberException e) {
        // unknown unit: raise at run time, for rows that get here
      }
    }
    if (unitField != null) {
      String unit = unitField;
      return ExprCodegen.nullSafe(c, java.util.List.of(c.args().get(1)), ctx, input, v -> vt.id() == TypeId.DATE
          ? CastGen.convert(DATE + ".truncDate(" + unit + ", " + v[0] + ")", DataType.DATE, t)
          : CastGen.convert(DATE + ".truncTimestamp(" + unit + ", " + v[0] + ")", vt, t));
    }
    return fn(c, ctx, input, v -> {
      String unit = DATE + ".truncUnit(" + v[0] + ")";
      if (vt.id() == TypeId.DATE) return CastGen.convert(DATE + ".truncDate(" + unit + ", " + v[1] + ")", DataType.DATE, t);
      return CastGen.convert(DATE + ".truncTimestamp(" + unit + ", " + v[1] + ")", vt, t);
    });
  }

  private static String toDouble(String v, DataType t) { return CastGen.convert(v, t, DataType.DOUBLE); }

  private static String ofDouble(String v, DataType t) { return CastGen.convert(v, DataType.DOUBLE, t); }

  private static String abs(String v, DataType t) {
    return switch (t.id()) {
      case TINYINT -> INTEGRAL + ".toByte(Math.abs((long) " + v + "))";
      case SMALLINT -> INTEGRAL + ".toShort(Math.abs((long) " + v + "))";
      case INT -> INTEGRAL + ".absInt(" + v + ")";
      case BIGINT -> INTEGRAL + ".absLong(" + v + ")";
      case FLOAT, DOUBLE -> "Math.abs(" + v + ")";
      case DECIMAL -> DECIMAL + ".abs(" + v + ")";
      default -> throw new IllegalArgumentException("abs of " + t);
    };
  }

  private static String sign(String v, DataType at, DataType t) {
    return switch (at.id()) {
      case FLOAT -> CastGen.convert(MATH + ".sign(" + v + ")", DataType.FLOAT, t);
      case DOUBLE -> ofDouble(MATH + ".sign(" + v + ")", t);
      case DECIMAL -> CastGen.convert(at.isLongDecimal() ? "Long.signum(" + v + ")" : v + ".signum()", DataType.INT, t);
      default -> CastGen.convert("Long.signum((long) " + v + ")", DataType.INT, t);
    };
  }

  private static String round(String v, DataType at, String digits, String mode, DataType t) {
    boolean halfUp = mode.equals("HALF_UP");
    switch (at.id()) {
      case FLOAT: {
        String r = halfUp ? MATH + ".round(" + v + ", " + digits + ")"
            : "(float) Math." + (mode.equals("FLOOR") ? "floor" : "ceil") + "(" + v + ")";
        return CastGen.convert(r, DataType.FLOAT, t);
      }
      case DOUBLE:
        return ofDouble(halfUp ? MATH + ".round(" + v + ", " + digits + ")"
            : "Math." + (mode.equals("FLOOR") ? "floor" : "ceil") + "(" + v + ")", t);
      case DECIMAL: {
        if (!t.isDecimal()) {
          String r = DECIMAL + ".round(" + ArithmeticGen.big(v, at) + ", " + digits + ", " + MODE + mode + ", 38, " + at.scale() + ")";
          return CastGen.convert(r, DataType.decimal(38, at.scale()), t);
        }
        if (at.isLongDecimal() && t.isLongDecimal()) {
          return DECIMAL + ".round(" + v + ", " + at.scale() + ", " + digits + ", " + MODE + mode + ", "
              + t.precision() + ", " + t.scale() + ")";
        }
        String r = DECIMAL + ".round(" + ArithmeticGen.big(v, at) + ", " + digits + ", " + MODE + mode + ", "
            + t.precision() + ", " + t.scale() + ")";
        return t.isLongDecimal() ? DECIMAL + ".toLong(" + r + ", " + t.precision() + ", " + t.scale() + ")" : r;
      }
      default:
        return CastGen.convert(MATH + ".roundLong((long) " + v + ", " + digits + ")", DataType.BIGINT, t);
    }
  }
}
