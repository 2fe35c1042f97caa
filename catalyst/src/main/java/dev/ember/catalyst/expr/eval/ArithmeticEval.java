package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BinaryOp.Op;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.TypeId;
import java.math.BigDecimal;

/** The interpreter's arithmetic on boxed non-null values, dispatched by {@link ArithKind}. */
final class ArithmeticEval {
  private ArithmeticEval() {}

  static Object eval(BinaryOp b, Object l, Object r) {
    Op op = b.op();
    DataType lt = b.left().dataType(), rt = b.right().dataType(), t = b.type();
    boolean sub = op == Op.SUBTRACT;
    return switch (ArithKind.of(op, lt, rt, t)) {
      case SMALL_INTEGRAL -> {
        int v = intOp(op, ((Number) l).intValue(), ((Number) r).intValue());
        yield t.id() == TypeId.TINYINT ? (Object) IntegralOps.toByte(v) : (Object) IntegralOps.toShort(v);
      }
      case INT -> intOp(op, (Integer) l, (Integer) r);
      case LONG -> longOp(op, (Long) l, (Long) r);
      case FLOAT -> floatOp(op, (Float) l, (Float) r);
      case DOUBLE -> doubleOp(op, (Double) l, (Double) r);
      case DECIMAL_LONG -> decimalLong(op, (Long) l, lt.scale(), (Long) r, rt.scale(), t.precision(), t.scale());
      case DECIMAL_BIG -> {
        BigDecimal v = DecimalOps.arithmetic(op, big(l, lt), big(r, rt), t.precision(), t.scale());
        yield t.isLongDecimal() ? (Object) DecimalOps.toLong(v, t.precision(), t.scale()) : v;
      }
      case DATE_PLUS_MONTHS -> DateOps.addMonths((Integer) l, neg(sub, (Integer) r));
      case DATE_PLUS_MONTHS_TO_TIMESTAMP ->
          DateOps.addMonths(CastOps.dateToTimestamp((Integer) l), neg(sub, (Integer) r));
      case DATE_PLUS_MICROS -> DateOps.addIntervalToDate((Integer) l, neg(sub, (Long) r));
      case DATE_PLUS_MICROS_TO_TIMESTAMP ->
          DateOps.addMicros(CastOps.dateToTimestamp((Integer) l), neg(sub, (Long) r));
      case DATE_PLUS_DAYS -> DateOps.addDays((Integer) l, neg(sub, ((Number) r).longValue()));
      case TIMESTAMP_PLUS_MONTHS -> DateOps.addMonths((Long) l, neg(sub, (Integer) r));
      case TIMESTAMP_PLUS_MICROS -> DateOps.addMicros((Long) l, neg(sub, (Long) r));
      case DATE_MINUS_DATE -> t.id() == TypeId.BIGINT ? (Object) ((long) (Integer) l - (long) (Integer) r)
          : (Object) DateOps.dateDiff((Integer) l, (Integer) r);
      case TIMESTAMP_MINUS_TIMESTAMP -> IntegralOps.subtractLong((Long) l, (Long) r);
    };
  }

  static BigDecimal big(Object v, DataType t) {
    return v instanceof Long u ? DecimalOps.toBig(u, t.scale()) : (BigDecimal) v;
  }

  private static int neg(boolean negate, int m) { return negate ? IntegralOps.negateInt(m) : m; }

  private static long neg(boolean negate, long m) { return negate ? IntegralOps.negateLong(m) : m; }

  static int intOp(Op op, int a, int b) {
    return switch (op) {
      case ADD -> IntegralOps.addInt(a, b);
      case SUBTRACT -> IntegralOps.subtractInt(a, b);
      case MULTIPLY -> IntegralOps.multiplyInt(a, b);
      case DIVIDE -> IntegralOps.divideInt(a, b);
      case MODULO -> IntegralOps.remainderInt(a, b);
      default -> throw new IllegalArgumentException(op.toString());
    };
  }

  static long longOp(Op op, long a, long b) {
    return switch (op) {
      case ADD -> IntegralOps.addLong(a, b);
      case SUBTRACT -> IntegralOps.subtractLong(a, b);
      case MULTIPLY -> IntegralOps.multiplyLong(a, b);
      case DIVIDE -> IntegralOps.divideLong(a, b);
      case MODULO -> IntegralOps.remainderLong(a, b);
      default -> throw new IllegalArgumentException(op.toString());
    };
  }

  static float floatOp(Op op, float a, float b) {
    return switch (op) {
      case ADD -> a + b;
      case SUBTRACT -> a - b;
      case MULTIPLY -> a * b;
      case DIVIDE -> MathOps.divide(a, b);
      case MODULO -> MathOps.remainder(a, b);
      default -> throw new IllegalArgumentException(op.toString());
    };
  }

  static double doubleOp(Op op, double a, double b) {
    return switch (op) {
      case ADD -> a + b;
      case SUBTRACT -> a - b;
      case MULTIPLY -> a * b;
      case DIVIDE -> MathOps.divide(a, b);
      case MODULO -> MathOps.remainder(a, b);
      default -> throw new IllegalArgumentException(op.toString());
    };
  }

  static long decimalLong(Op op, long a, int sa, long b, int sb, int rp, int rs) {
    return switch (op) {
      case ADD -> DecimalOps.add(a, sa, b, sb, rp, rs);
      case SUBTRACT -> DecimalOps.subtract(a, sa, b, sb, rp, rs);
      case MULTIPLY -> DecimalOps.multiply(a, sa, b, sb, rp, rs);
      case MODULO -> DecimalOps.remainder(a, sa, b, sb, rp, rs);
      default -> throw new IllegalArgumentException(op.toString());
    };
  }
}
