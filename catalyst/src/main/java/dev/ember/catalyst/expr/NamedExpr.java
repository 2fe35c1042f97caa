package dev.ember.catalyst.expr;

/** An expression with a name and id: what a Project or Aggregate outputs. */
public sealed interface NamedExpr extends java.io.Serializable permits AttributeRef, Alias {
  String name();

  long id();

  Expr expr();

  /** The attribute by which parents refer to this output. */
  AttributeRef toAttribute();
}
