package dev.ember.catalyst.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.tree.Trees;
import dev.ember.catalyst.types.DataType;
import java.util.List;

/** Operators of one operand. */
public record UnaryOp(Op op, Expr child, DataType type) implements Expr {
  public enum Op {
    NOT, NEGATE, IS_NULL, IS_NOT_NULL, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE;

    /** True for the operators that never return NULL. */
    public boolean nullIntolerant() { return this == NOT || this == NEGATE; }
  }

  public UnaryOp { requireNonNull(op); requireNonNull(child); requireNonNull(type); }

  public static UnaryOp not(Expr e) { return new UnaryOp(Op.NOT, e, DataType.BOOLEAN); }

  public static UnaryOp isNull(Expr e) { return new UnaryOp(Op.IS_NULL, e, DataType.BOOLEAN); }

  public static UnaryOp isNotNull(Expr e) { return new UnaryOp(Op.IS_NOT_NULL, e, DataType.BOOLEAN); }

  @Override public DataType dataType() { return type; }

  @Override public boolean nullable() { return op.nullIntolerant() && child.nullable(); }

  @Override public List<Expr> children() { return List.of(child); }

  @Override public UnaryOp withChildren(List<Expr> children) {
    Trees.checkArity(children, 1, this);
    return children.get(0) == child ? this : new UnaryOp(op, children.get(0), type);
  }
}
