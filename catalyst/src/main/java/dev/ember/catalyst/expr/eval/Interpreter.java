package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.CaseWhen;
import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;

/**
 * Evaluates a bound expression over one row of boxed values: the reference semantics that
 * generated code must reproduce, the fallback for what code generation does not cover, and the
 * optimizer's constant folder.
 *
 * <p>SQL semantics: AND/OR are three-valued (FALSE AND NULL is FALSE, TRUE OR NULL is TRUE);
 * null-intolerant operators evaluate their operands left to right and return NULL at the first
 * NULL without evaluating the rest (so a later operand's error is not raised); CASE evaluates
 * conditions in order and only the chosen value; IN is NULL when nothing matches and the value or
 * an element is NULL.
 */
public final class Interpreter {
  private Interpreter() {}

  /**
   * Evaluates {@code e} over {@code row}; {@code BoundRef i} reads {@code row[i]}. CURRENT_DATE
   * and CURRENT_TIMESTAMP read the wall clock at the call: pass a {@link QueryClock} to
   * {@link #eval(Expr, Object[], QueryClock)} to fix them for a query.
   */
  public static Object eval(Expr e, Object[] row) { return eval(e, row, null); }

  /** Evaluates {@code e} over {@code row} with the query's clock (null: the wall clock, UTC). */
  public static Object eval(Expr e, Object[] row, QueryClock clock) {
    if (e instanceof Literal l) return l.value();
    if (e instanceof BoundRef b) return row[b.ordinal()];
    if (e instanceof BinaryOp b) return binary(b, row, clock);
    if (e instanceof UnaryOp u) return unary(u, row, clock);
    if (e instanceof Cast c) return Casts.cast(eval(c.child(), row, clock), c.child().dataType(), c.type());
    if (e instanceof CaseWhen c) return caseWhen(c, row, clock);
    if (e instanceof InList in) return in(in, row, clock);
    if (e instanceof Call c) return CallEval.eval(c, row, clock);
    if (e instanceof Alias a) return eval(a.child(), row, clock);
    if (e instanceof AttributeRef a) {
      throw new IllegalStateException("unbound attribute " + a.name() + "#" + a.id() + ": bind before evaluating");
    }
    throw new IllegalStateException("no interpreter for " + e.getClass().getSimpleName());
  }

  /** Folds a foldable expression to a literal of its type (what the optimizer's folder calls). */
  public static Literal evalConstant(Expr foldable) {
    if (!foldable.foldable()) throw new IllegalArgumentException("not foldable: " + foldable.display());
    return new Literal(eval(foldable, new Object[0], null), foldable.dataType());
  }

  private static Object binary(BinaryOp b, Object[] row, QueryClock clock) {
    switch (b.op()) {
      case AND: {
        Object l = eval(b.left(), row, clock);
        if (Boolean.FALSE.equals(l)) return false;
        Object r = eval(b.right(), row, clock);
        if (Boolean.FALSE.equals(r)) return false;
        return l == null || r == null ? null : Boolean.TRUE;
      }
      case OR: {
        Object l = eval(b.left(), row, clock);
        if (Boolean.TRUE.equals(l)) return true;
        Object r = eval(b.right(), row, clock);
        if (Boolean.TRUE.equals(r)) return true;
        return l == null || r == null ? null : Boolean.FALSE;
      }
      case EQ_NULL_SAFE: {
        Object l = eval(b.left(), row, clock), r = eval(b.right(), row, clock);
        if (l == null || r == null) return l == null && r == null;
        return Compare.equalValues(l, r, b.left().dataType());
      }
      default:
        break;
    }
    Object l = eval(b.left(), row, clock);
    if (l == null) return null;
    Object r = eval(b.right(), row, clock);
    if (r == null) return null;
    if (b.op().isComparison()) return compare(b.op(), Compare.compareValues(l, r, b.left().dataType()));
    if (b.op() == BinaryOp.Op.CONCAT) {
      return l instanceof byte[] x ? StringOps.concat(x, (byte[]) r) : StringOps.concat((Utf8String) l, (Utf8String) r);
    }
    return ArithmeticEval.eval(b, l, r);
  }

  static boolean compare(BinaryOp.Op op, int c) {
    return switch (op) {
      case EQ -> c == 0;
      case NE -> c != 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
      default -> throw new IllegalArgumentException(op.toString());
    };
  }

  private static Object unary(UnaryOp u, Object[] row, QueryClock clock) {
    Object v = eval(u.child(), row, clock);
    return switch (u.op()) {
      case IS_NULL -> v == null;
      case IS_NOT_NULL -> v != null;
      case IS_TRUE -> Boolean.TRUE.equals(v);
      case IS_NOT_TRUE -> !Boolean.TRUE.equals(v);
      case IS_FALSE -> Boolean.FALSE.equals(v);
      case IS_NOT_FALSE -> !Boolean.FALSE.equals(v);
      case NOT -> v == null ? null : !(Boolean) v;
      case NEGATE -> v == null ? null : negate(v, u.child().dataType());
    };
  }

  static Object negate(Object v, DataType t) {
    return switch (t.id()) {
      case TINYINT -> IntegralOps.toByte(-(long) (Byte) v);
      case SMALLINT -> IntegralOps.toShort(-(long) (Short) v);
      case INT, INTERVAL_YEAR_MONTH -> IntegralOps.negateInt((Integer) v);
      case BIGINT, INTERVAL_DAY_TIME -> IntegralOps.negateLong((Long) v);
      case FLOAT -> -(Float) v;
      case DOUBLE -> -(Double) v;
      case DECIMAL -> v instanceof Long l ? (Object) DecimalOps.negate(l) : DecimalOps.negate((BigDecimal) v);
      default -> throw new IllegalArgumentException("cannot negate " + t);
    };
  }

  private static Object caseWhen(CaseWhen c, Object[] row, QueryClock clock) {
    for (int i = 0; i < c.conditions().size(); i++) {
      if (Boolean.TRUE.equals(eval(c.conditions().get(i), row, clock))) return eval(c.values().get(i), row, clock);
    }
    return eval(c.elseValue(), row, clock);
  }

  private static Object in(InList in, Object[] row, QueryClock clock) {
    Object v = eval(in.value(), row, clock);
    if (v == null) return null;
    DataType t = in.value().dataType();
    boolean sawNull = false;
    for (Expr e : in.list()) {
      Object x = eval(e, row, clock);
      if (x == null) sawNull = true;
      else if (Compare.equalValues(v, x, t)) return true;
    }
    return sawNull ? null : Boolean.FALSE;
  }
}
