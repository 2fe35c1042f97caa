package dev.ember.catalyst.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.tree.Trees;
import dev.ember.catalyst.types.DataType;
import java.util.List;

/** Conversion to {@code type}; invalid input (e.g. 'abc' to INT, overflow) raises an error. */
public record Cast(Expr child, DataType type) implements Expr {
  public Cast { requireNonNull(child); requireNonNull(type); }

  /** {@code e} itself when it already has {@code type}, else a cast. */
  public static Expr to(Expr e, DataType type) {
    return e.dataType().equals(type) ? e : new Cast(e, type);
  }

  @Override public DataType dataType() { return type; }

  @Override public boolean nullable() { return child.nullable(); }

  @Override public List<Expr> children() { return List.of(child); }

  @Override public Cast withChildren(List<Expr> children) {
    Trees.checkArity(children, 1, this);
    return children.get(0) == child ? this : new Cast(children.get(0), type);
  }
}
