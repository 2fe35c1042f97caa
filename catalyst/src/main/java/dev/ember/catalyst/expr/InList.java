package dev.ember.catalyst.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.tree.Trees;
import dev.ember.catalyst.types.DataType;
import java.util.List;

/**
 * {@code value IN (e1, e2, …)} with SQL's NULL semantics: NULL when no element matches and the
 * value or some element is NULL. All elements have the value's type.
 */
public record InList(Expr value, List<Expr> list) implements Expr {
  public InList {
    requireNonNull(value);
    list = List.copyOf(list);
    if (list.isEmpty()) throw new IllegalArgumentException("IN needs at least one element");
  }

  @Override public DataType dataType() { return DataType.BOOLEAN; }

  @Override public boolean nullable() {
    if (value.nullable()) return true;
    for (Expr e : list) if (e.nullable()) return true;
    return false;
  }

  @Override public List<Expr> children() {
    java.util.ArrayList<Expr> out = new java.util.ArrayList<>(list.size() + 1);
    out.add(value);
    out.addAll(list);
    return out;
  }

  @Override public InList withChildren(List<Expr> children) {
    Trees.checkArity(children, list.size() + 1, this);
    if (Trees.sameElements(children, children())) return this;
    return new InList(children.get(0), children.subList(1, children.size()));
  }
}
