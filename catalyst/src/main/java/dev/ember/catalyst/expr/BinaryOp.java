package dev.ember.catalyst.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.tree.Trees;
import dev.ember.catalyst.types.DataType;
import java.util.List;

/** Arithmetic, comparison and boolean connectives; see {@link Expr} for the typing invariants. */
public record BinaryOp(Op op, Expr left, Expr right, DataType type) implements Expr {
  public enum Op {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%"),
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="),
    /** Null-safe equality: {@code IS NOT DISTINCT FROM}. */
    EQ_NULL_SAFE("<=>"),
    AND("AND"), OR("OR"),
    /** String concatenation ({@code ||}). */
    CONCAT("||");

    public final String symbol;

    Op(String symbol) { this.symbol = symbol; }

    public boolean isComparison() {
      return switch (this) {
        case EQ, NE, LT, LE, GT, GE, EQ_NULL_SAFE -> true;
        default -> false;
      };
    }

    public boolean isArithmetic() {
      return switch (this) {
        case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO -> true;
        default -> false;
      };
    }

    /** The comparison with operands swapped: {@code a < b} is {@code b > a}. */
    public Op flip() {
      return switch (this) {
        case LT -> GT;
        case LE -> GE;
        case GT -> LT;
        case GE -> LE;
        default -> this;
      };
    }
  }

  public BinaryOp {
    requireNonNull(op); requireNonNull(left); requireNonNull(right); requireNonNull(type);
  }

  /** A comparison or connective, typed BOOLEAN. */
  public static BinaryOp predicate(Op op, Expr left, Expr right) {
    return new BinaryOp(op, left, right, DataType.BOOLEAN);
  }

  @Override public DataType dataType() { return type; }

  @Override public boolean nullable() {
    if (op == Op.EQ_NULL_SAFE) return false;
    // Division and modulo by zero raise errors (ANSI), so they add no nulls of their own.
    return left.nullable() || right.nullable();
  }

  @Override public List<Expr> children() { return List.of(left, right); }

  @Override public BinaryOp withChildren(List<Expr> children) {
    Trees.checkArity(children, 2, this);
    Expr l = children.get(0), r = children.get(1);
    return l == left && r == right ? this : new BinaryOp(op, l, r, type);
  }
}
