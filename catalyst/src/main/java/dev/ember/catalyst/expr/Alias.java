package dev.ember.catalyst.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.tree.Trees;
import dev.ember.catalyst.types.DataType;
import java.util.List;

/** Names an expression's result so parents can refer to it as an {@link AttributeRef}. */
public record Alias(Expr child, String name, long id) implements Expr, NamedExpr {
  public Alias { requireNonNull(child); requireNonNull(name); }

  public static Alias of(Expr child, String name) { return new Alias(child, name, ExprIds.next()); }

  @Override public DataType dataType() { return child.dataType(); }

  @Override public boolean nullable() { return child.nullable(); }

  @Override public Expr expr() { return child; }

  @Override public AttributeRef toAttribute() {
    return new AttributeRef(name, child.dataType(), child.nullable(), id);
  }

  @Override public List<Expr> children() { return List.of(child); }

  @Override public Alias withChildren(List<Expr> children) {
    Trees.checkArity(children, 1, this);
    return children.get(0) == child ? this : new Alias(children.get(0), name, id);
  }
}
