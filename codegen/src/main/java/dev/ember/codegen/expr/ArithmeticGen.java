package dev.ember.codegen.expr;

import static dev.ember.codegen.expr.ExprCodegen.RT;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BinaryOp.Op;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.expr.eval.ArithKind;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.TypeId;
import java.util.List;

/**
 * Arithmetic, negation and {@code ||}: the same {@link ArithKind} dispatch as the interpreter,
 * with overflow-checked helpers of IntegralOps/DecimalOps/DateOps inline in the row loop.
 */
final class ArithmeticGen {
  private static final String INTEGRAL = RT + "IntegralOps";
  private static final String MATH = RT + "MathOps";
  private static final String DECIMAL = RT + "DecimalOps";
  private static final String DATE = RT + "DateOps";
  private static final String CAST = RT + "CastOps";
  private static final String STRING = RT + "StringOps";

  private ArithmeticGen() {}

  static ExprCode binary(BinaryOp b, CodegenContext ctx, InputAccessor input) {
    if (b.op() == Op.CONCAT) {
      return ExprCodegen.nullSafe(b, List.of(b.left(), b.right()), ctx, input,
          v -> STRING + ".concat(" + v[0] + ", " + v[1] + ")");
    }
    DataType lt = b.left().dataType(), rt = b.right().dataType(), t = b.type();
    ArithKind kind = ArithKind.of(b.op(), lt, rt, t);
    if (kind == ArithKind.DECIMAL_BIG && WideDecimalGen.supports(b)) return WideDecimalGen.generate(b, ctx, input);
    return ExprCodegen.nullSafe(b, List.of(b.left(), b.right()), ctx, input, v -> expr(b.op(), kind, lt, rt, t, v[0], v[1]));
  }

  private static String expr(Op op, ArithKind kind, DataType lt, DataType rt, DataType t, String l, String r) {
    boolean sub = op == Op.SUBTRACT;
    return switch (kind) {
      case SMALL_INTEGRAL -> INTEGRAL + (t.id() == TypeId.TINYINT ? ".toByte(" : ".toShort(") + intOp(op, l, r) + ")";
      case INT -> intOp(op, l, r);
      case LONG -> INTEGRAL + "." + opName(op) + "Long(" + l + ", " + r + ")";
      case FLOAT, DOUBLE -> floatingOp(op, l, r, kind == ArithKind.FLOAT ? "float" : "double");
      case DECIMAL_LONG -> DECIMAL + "." + decimalName(op) + "(" + l + ", " + lt.scale() + ", " + r + ", " + rt.scale()
          + ", " + t.precision() + ", " + t.scale() + ")";
      case DECIMAL_BIG -> {
        String call = DECIMAL + ".arithmetic(dev.ember.catalyst.expr.BinaryOp.Op." + op.name() + ", " + big(l, lt)
            + ", " + big(r, rt) + ", " + t.precision() + ", " + t.scale() + ")";
        yield t.isLongDecimal() ? DECIMAL + ".toLong(" + call + ", " + t.precision() + ", " + t.scale() + ")" : call;
      }
      case DATE_PLUS_MONTHS -> DATE + ".addMonths(" + l + ", " + neg(sub, r, "Int") + ")";
      case DATE_PLUS_MONTHS_TO_TIMESTAMP ->
          DATE + ".addMonths(" + CAST + ".dateToTimestamp(" + l + "), " + neg(sub, r, "Int") + ")";
      case DATE_PLUS_MICROS -> DATE + ".addIntervalToDate(" + l + ", " + neg(sub, r, "Long") + ")";
      case DATE_PLUS_MICROS_TO_TIMESTAMP ->
          DATE + ".addMicros(" + CAST + ".dateToTimestamp(" + l + "), " + neg(sub, r, "Long") + ")";
      case DATE_PLUS_DAYS -> DATE + ".addDays(" + l + ", " + neg(sub, "(long) " + r, "Long") + ")";
      case TIMESTAMP_PLUS_MONTHS -> DATE + ".addMonths(" + l + ", " + neg(sub, r, "Int") + ")";
      case TIMESTAMP_PLUS_MICROS -> DATE + ".addMicros(" + l + ", " + neg(sub, r, "Long") + ")";
      case DATE_MINUS_DATE -> t.id() == TypeId.BIGINT ? "((long) " + l + " - (long) " + r + ")"
          : DATE + ".dateDiff(" + l + ", " + r + ")";
      case TIMESTAMP_MINUS_TIMESTAMP -> INTEGRAL + ".subtractLong(" + l + ", " + r + ")";
    };
  }

  private static String neg(boolean negate, String v, String kind) {
    return negate ? INTEGRAL + ".negate" + kind + "(" + v + ")" : v;
  }

  /** A long decimal operand as BigDecimal; a BigDecimal operand as is. */
  static String big(String v, DataType t) {
    return t.isLongDecimal() ? DECIMAL + ".toBig(" + v + ", " + t.scale() + ")" : v;
  }

  private static String intOp(Op op, String l, String r) {
    return INTEGRAL + "." + opName(op) + "Int(" + l + ", " + r + ")";
  }

  private static String opName(Op op) {
    return switch (op) {
      case ADD -> "add";
      case SUBTRACT -> "subtract";
      case MULTIPLY -> "multiply";
      case DIVIDE -> "divide";
      case MODULO -> "remainder";
      default -> throw new IllegalArgumentException(op.toString());
    };
  }

  private static String decimalName(Op op) {
    return switch (op) {
      case ADD -> "add";
      case SUBTRACT -> "subtract";
      case MULTIPLY -> "multiply";
      case MODULO -> "remainder";
      default -> throw new IllegalArgumentException(op.toString());
    };
  }

  private static String floatingOp(Op op, String l, String r, String type) {
    return switch (op) {
      case ADD -> "(" + type + ") (" + l + " + " + r + ")";
      case SUBTRACT -> "(" + type + ") (" + l + " - " + r + ")";
      case MULTIPLY -> "(" + type + ") (" + l + " * " + r + ")";
      case DIVIDE -> MATH + ".divide(" + l + ", " + r + ")";
      case MODULO -> MATH + ".remainder(" + l + ", " + r + ")";
      default -> throw new IllegalArgumentException(op.toString());
    };
  }

  static ExprCode negate(UnaryOp u, CodegenContext ctx, InputAccessor input) {
    DataType t = u.child().dataType();
    return ExprCodegen.nullSafe(u, List.of(u.child()), ctx, input, v -> switch (t.id()) {
      case TINYINT -> INTEGRAL + ".toByte(-((long) " + v[0] + "))";
      case SMALLINT -> INTEGRAL + ".toShort(-((long) " + v[0] + "))";
      case INT, INTERVAL_YEAR_MONTH -> INTEGRAL + ".negateInt(" + v[0] + ")";
      case BIGINT, INTERVAL_DAY_TIME -> INTEGRAL + ".negateLong(" + v[0] + ")";
      case FLOAT -> "(float) -(" + v[0] + ")";
      case DOUBLE -> "-(" + v[0] + ")";
      case DECIMAL -> DECIMAL + ".negate(" + v[0] + ")";
      default -> throw new IllegalArgumentException("cannot negate " + t);
    });
  }
}
