package dev.ember.sql.convert;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BinaryOp.Op;
import dev.ember.catalyst.expr.DecimalRules;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.TypeId;

/**
 * Builds arithmetic with catalyst's typing invariants: non-decimal operands of the result type;
 * decimal operands DECIMAL (integers as {@link DecimalRules#forType}) with the result type
 * {@link DecimalRules} derives; DATE/TIMESTAMP ± INTERVAL with the datetime on the left.
 */
final class Arithmetic {
  private Arithmetic() {}

  /**
   * {@code l op r} typed {@code result}, the type Calcite derived (through Ember's type system,
   * so decimal results agree with DecimalRules; a cast covers any remaining difference).
   */
  static Expr build(Op op, Expr l, Expr r, DataType result) {
    DataType lt = l.dataType();
    DataType rt = r.dataType();
    if (lt.isDatetime() || rt.isDatetime() || lt.isInterval() || rt.isInterval()) {
      return datetime(op, l, r, result);
    }
    if (result.isDecimal()) {
      Expr dl = Coercions.toDecimal(l);
      Expr dr = Coercions.toDecimal(r);
      DataType natural = decimalType(op, dl.dataType(), dr.dataType());
      return Coercions.cast(new BinaryOp(op, dl, dr, natural), result);
    }
    if (!result.isNumeric()) {
      throw new EmberException(EmberException.DATATYPE_MISMATCH,
          "cannot apply " + op.symbol + " to " + lt.sql() + " and " + rt.sql());
    }
    return new BinaryOp(op, Coercions.cast(l, result), Coercions.cast(r, result), result);
  }

  private static DataType decimalType(Op op, DataType a, DataType b) {
    return switch (op) {
      case ADD, SUBTRACT -> DecimalRules.add(a, b);
      case MULTIPLY -> DecimalRules.multiply(a, b);
      case DIVIDE -> DecimalRules.divide(a, b);
      case MODULO -> DecimalRules.modulo(a, b);
      default -> throw new IllegalArgumentException("not arithmetic: " + op);
    };
  }

  private static Expr datetime(Op op, Expr l, Expr r, DataType result) {
    DataType lt = l.dataType();
    DataType rt = r.dataType();
    if (op == Op.ADD && lt.isInterval() && rt.isDatetime()) return datetime(op, r, l, result);
    if ((op == Op.ADD || op == Op.SUBTRACT) && lt.isDatetime() && rt.isInterval() && result.isDatetime()) {
      return new BinaryOp(op, Coercions.cast(l, result), r, result);
    }
    if ((op == Op.ADD || op == Op.SUBTRACT) && lt.isInterval() && lt.equals(rt) && result.equals(lt)) {
      return new BinaryOp(op, l, r, result);
    }
    if (op == Op.SUBTRACT && lt.id() == TypeId.DATE && rt.id() == TypeId.DATE && result.id() == TypeId.INT) {
      return new BinaryOp(op, l, r, DataType.INT);
    }
    throw EmberException.notSupported(lt.sql() + " " + op.symbol + " " + rt.sql()
        + (result.isInterval() ? " as an interval" : ""));
  }
}
