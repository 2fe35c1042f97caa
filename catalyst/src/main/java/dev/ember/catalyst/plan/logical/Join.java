package dev.ember.catalyst.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.tree.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Joins two inputs on {@code condition} ({@link Literal#TRUE} for a cross join). Output: the left
 * columns then, unless semi/anti, the right ones; columns of the side that may be missing (the
 * right of a LEFT join, etc.) become nullable.
 */
public record Join(LogicalPlan left, LogicalPlan right, JoinType type, Expr condition) implements LogicalPlan {
  public Join { requireNonNull(left); requireNonNull(right); requireNonNull(type); requireNonNull(condition); }

  @Override public List<AttributeRef> output() {
    List<AttributeRef> out = new ArrayList<>();
    boolean leftNullable = type == JoinType.RIGHT || type == JoinType.FULL;
    boolean rightNullable = type == JoinType.LEFT || type == JoinType.FULL;
    for (AttributeRef a : left.output()) out.add(leftNullable ? a.withNullable(true) : a);
    if (type.outputsRight()) {
      for (AttributeRef a : right.output()) out.add(rightNullable ? a.withNullable(true) : a);
    }
    return out;
  }

  public Join withCondition(Expr c) { return c == condition ? this : new Join(left, right, type, c); }

  @Override public List<Expr> expressions() { return List.of(condition); }

  @Override public Join mapExpressions(UnaryOperator<Expr> f) { return withCondition(f.apply(condition)); }

  @Override public List<LogicalPlan> children() { return List.of(left, right); }

  @Override public Join withChildren(List<LogicalPlan> children) {
    Trees.checkArity(children, 2, this);
    LogicalPlan l = children.get(0), r = children.get(1);
    return l == left && r == right ? this : new Join(l, r, type, condition);
  }

  @Override public String describe() {
    return "Join " + type.sql() + (condition.equals(Literal.TRUE) ? "" : " [" + condition.display() + "]");
  }
}
