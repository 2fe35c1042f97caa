package dev.ember.catalyst.expr;

import dev.ember.catalyst.tree.Trees;
import dev.ember.catalyst.types.DataType;
import java.util.List;

/** A column of the input row by position: attributes after binding to a physical input. */
public record BoundRef(int ordinal, DataType type, boolean nullable) implements Expr {
  @Override public DataType dataType() { return type; }

  @Override public boolean foldable() { return false; }

  @Override public List<Expr> children() { return List.of(); }

  @Override public Expr withChildren(List<Expr> children) {
    Trees.checkArity(children, 0, this);
    return this;
  }
}
