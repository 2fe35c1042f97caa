package dev.ember.catalyst.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.tree.Trees;
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CASE WHEN c1 THEN v1 … ELSE e END}. Branch values all have {@code type}; a missing ELSE
 * is a NULL literal.
 */
public record CaseWhen(List<Expr> conditions, List<Expr> values, Expr elseValue, DataType type)
    implements Expr {
  public CaseWhen {
    conditions = List.copyOf(conditions);
    values = List.copyOf(values);
    requireNonNull(elseValue);
    requireNonNull(type);
    if (conditions.size() != values.size() || conditions.isEmpty()) {
      throw new IllegalArgumentException("CASE needs matching WHEN and THEN lists");
    }
  }

  @Override public DataType dataType() { return type; }

  @Override public boolean nullable() {
    if (elseValue.nullable()) return true;
    for (Expr v : values) if (v.nullable()) return true;
    return false;
  }

  /** Children in the order cond1, value1, cond2, value2, …, else. */
  @Override public List<Expr> children() {
    List<Expr> out = new ArrayList<>(conditions.size() * 2 + 1);
    for (int i = 0; i < conditions.size(); i++) {
      out.add(conditions.get(i));
      out.add(values.get(i));
    }
    out.add(elseValue);
    return out;
  }

  @Override public CaseWhen withChildren(List<Expr> children) {
    Trees.checkArity(children, conditions.size() * 2 + 1, this);
    if (Trees.sameElements(children, children())) return this;
    List<Expr> c = new ArrayList<>(), v = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      c.add(children.get(2 * i));
      v.add(children.get(2 * i + 1));
    }
    return new CaseWhen(c, v, children.get(children.size() - 1), type);
  }
}
