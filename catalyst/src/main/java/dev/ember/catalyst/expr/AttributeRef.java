package dev.ember.catalyst.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.tree.Trees;
import dev.ember.catalyst.types.DataType;
import java.util.List;

/** A reference to a column produced by a child plan, identified by {@code id}. */
public record AttributeRef(String name, DataType type, boolean nullable, long id)
    implements Expr, NamedExpr {
  public AttributeRef { requireNonNull(name); requireNonNull(type); }

  /** A fresh attribute with a new id. */
  public static AttributeRef of(String name, DataType type, boolean nullable) {
    return new AttributeRef(name, type, nullable, ExprIds.next());
  }

  public AttributeRef withNullable(boolean n) {
    return n == nullable ? this : new AttributeRef(name, type, n, id);
  }

  public AttributeRef withName(String n) {
    return n.equals(name) ? this : new AttributeRef(n, type, nullable, id);
  }

  /** Same column, ignoring name and nullability. */
  public boolean sameRef(AttributeRef o) { return id == o.id; }

  @Override public DataType dataType() { return type; }

  @Override public boolean foldable() { return false; }

  @Override public Expr expr() { return this; }

  @Override public AttributeRef toAttribute() { return this; }

  @Override public List<Expr> children() { return List.of(); }

  @Override public Expr withChildren(List<Expr> children) {
    Trees.checkArity(children, 0, this);
    return this;
  }
}
