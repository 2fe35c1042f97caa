package dev.ember.catalyst;

import dev.ember.catalyst.expr.AggregateCall;
import dev.ember.catalyst.expr.AggregateCall.AggFn;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.DecimalRules;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.SortOrder;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.types.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Static builders of test expressions: {@code and(gt(col("a"), lit(1)), eq(col("t.b"), lit("x")))}.
 * Operands must already have matching types (as the front end guarantees); a mismatch fails fast.
 */
public final class ExprDsl {
  private ExprDsl() {}

  // ---- leaves
  public static DslExpr col(String name) { return s -> s.resolve(name); }

  public static DslExpr lit(int v) { return of(Literal.ofInt(v)); }

  public static DslExpr lit(long v) { return of(Literal.ofLong(v)); }

  public static DslExpr lit(double v) { return of(Literal.ofDouble(v)); }

  public static DslExpr lit(boolean v) { return of(Literal.ofBoolean(v)); }

  public static DslExpr lit(String v) { return of(Literal.ofString(v)); }

  /** A DECIMAL literal, e.g. {@code dec("0.05", 15, 2)}. */
  public static DslExpr dec(String v, int precision, int scale) {
    return of(Literal.ofDecimal(new BigDecimal(v), DataType.decimal(precision, scale)));
  }

  public static DslExpr date(String isoDate) {
    return of(new Literal((int) LocalDate.parse(isoDate).toEpochDay(), DataType.DATE));
  }

  public static DslExpr nullOf(DataType t) { return of(Literal.nullOf(t)); }

  /** An already built expression. */
  public static DslExpr of(Expr e) { return s -> e; }

  // ---- comparisons and connectives
  public static DslExpr eq(DslExpr a, DslExpr b) { return cmp(BinaryOp.Op.EQ, a, b); }

  public static DslExpr ne(DslExpr a, DslExpr b) { return cmp(BinaryOp.Op.NE, a, b); }

  public static DslExpr lt(DslExpr a, DslExpr b) { return cmp(BinaryOp.Op.LT, a, b); }

  public static DslExpr le(DslExpr a, DslExpr b) { return cmp(BinaryOp.Op.LE, a, b); }

  public static DslExpr gt(DslExpr a, DslExpr b) { return cmp(BinaryOp.Op.GT, a, b); }

  public static DslExpr ge(DslExpr a, DslExpr b) { return cmp(BinaryOp.Op.GE, a, b); }

  /** Left-deep AND of all operands, in order. */
  public static DslExpr and(DslExpr... es) { return connective(BinaryOp.Op.AND, es); }

  public static DslExpr or(DslExpr... es) { return connective(BinaryOp.Op.OR, es); }

  public static DslExpr not(DslExpr e) { return s -> UnaryOp.not(e.resolve(s)); }

  public static DslExpr isNull(DslExpr e) { return s -> UnaryOp.isNull(e.resolve(s)); }

  public static DslExpr isNotNull(DslExpr e) { return s -> UnaryOp.isNotNull(e.resolve(s)); }

  public static DslExpr in(DslExpr value, DslExpr... list) {
    return s -> new InList(value.resolve(s), Arrays.stream(list).map(x -> x.resolve(s)).toList());
  }

  public static DslExpr like(DslExpr value, String pattern) {
    return s -> Call.of(Call.Fn.LIKE, DataType.BOOLEAN, value.resolve(s), Literal.ofString(pattern));
  }

  // ---- arithmetic (decimal result types follow DecimalRules, others the operands' type)
  public static DslExpr add(DslExpr a, DslExpr b) { return arith(BinaryOp.Op.ADD, a, b); }

  public static DslExpr sub(DslExpr a, DslExpr b) { return arith(BinaryOp.Op.SUBTRACT, a, b); }

  public static DslExpr mul(DslExpr a, DslExpr b) { return arith(BinaryOp.Op.MULTIPLY, a, b); }

  public static DslExpr div(DslExpr a, DslExpr b) { return arith(BinaryOp.Op.DIVIDE, a, b); }

  public static DslExpr cast(DslExpr e, DataType t) { return s -> new Cast(e.resolve(s), t); }

  /** Any built-in function call with an explicit result type. */
  public static DslExpr call(Call.Fn fn, DataType type, DslExpr... args) {
    return s -> new Call(fn, Arrays.stream(args).map(x -> x.resolve(s)).toList(), type);
  }

  /** {@code random()}: the standard non-deterministic expression for "must not fire" tests. */
  public static DslExpr rand() { return s -> Call.of(Call.Fn.RANDOM, DataType.DOUBLE); }

  // ---- aggregates
  public static AggDsl countStar() { return s -> new AggregateCall(AggFn.COUNT, List.of(), false, null, DataType.BIGINT); }

  public static AggDsl count(DslExpr e) { return agg(AggFn.COUNT, e); }

  public static AggDsl sum(DslExpr e) { return agg(AggFn.SUM, e); }

  public static AggDsl avg(DslExpr e) { return agg(AggFn.AVG, e); }

  public static AggDsl min(DslExpr e) { return agg(AggFn.MIN, e); }

  public static AggDsl max(DslExpr e) { return agg(AggFn.MAX, e); }

  private static AggDsl agg(AggFn fn, DslExpr arg) {
    return s -> {
      Expr a = arg.resolve(s);
      return new AggregateCall(fn, List.of(a), false, null, aggType(fn, a.dataType()));
    };
  }

  /** Result types as Spark gives them. */
  static DataType aggType(AggFn fn, DataType t) {
    return switch (fn) {
      case COUNT -> DataType.BIGINT;
      case SUM -> t.isDecimal() ? DecimalRules.sum(t) : t.isIntegral() ? DataType.BIGINT : DataType.DOUBLE;
      case AVG -> t.isDecimal() ? DecimalRules.avg(t) : DataType.DOUBLE;
      case MIN, MAX, ANY_VALUE -> t;
      default -> DataType.DOUBLE;
    };
  }

  // ---- sort keys
  public static SortDsl asc(DslExpr e) { return s -> SortOrder.asc(e.resolve(s)); }

  public static SortDsl desc(DslExpr e) { return s -> SortOrder.desc(e.resolve(s)); }

  /** A sort key of the test DSL. */
  @FunctionalInterface
  public interface SortDsl {
    SortOrder resolve(Scope scope);
  }

  // ---- helpers
  private static DslExpr cmp(BinaryOp.Op op, DslExpr a, DslExpr b) {
    return s -> {
      Expr l = a.resolve(s), r = b.resolve(s);
      if (!l.dataType().equals(r.dataType())) {
        throw new IllegalArgumentException("comparison of " + l.dataType() + " with " + r.dataType()
            + ": " + l.display() + " " + op.symbol + " " + r.display());
      }
      return BinaryOp.predicate(op, l, r);
    };
  }

  private static DslExpr connective(BinaryOp.Op op, DslExpr... es) {
    if (es.length == 0) throw new IllegalArgumentException(op + " needs operands");
    return s -> {
      Expr out = es[0].resolve(s);
      for (int i = 1; i < es.length; i++) out = BinaryOp.predicate(op, out, es[i].resolve(s));
      return out;
    };
  }

  private static DslExpr arith(BinaryOp.Op op, DslExpr a, DslExpr b) {
    return s -> {
      Expr l = a.resolve(s), r = b.resolve(s);
      DataType lt = l.dataType(), rt = r.dataType();
      if (lt.isDecimal() && rt.isDecimal()) {
        DataType t = switch (op) {
          case ADD -> DecimalRules.add(lt, rt);
          case SUBTRACT -> DecimalRules.subtract(lt, rt);
          case MULTIPLY -> DecimalRules.multiply(lt, rt);
          case DIVIDE -> DecimalRules.divide(lt, rt);
          default -> DecimalRules.modulo(lt, rt);
        };
        return new BinaryOp(op, l, r, t);
      }
      if (!lt.equals(rt)) throw new IllegalArgumentException("arithmetic on " + lt + " and " + rt);
      return new BinaryOp(op, l, r, lt);
    };
  }
}
