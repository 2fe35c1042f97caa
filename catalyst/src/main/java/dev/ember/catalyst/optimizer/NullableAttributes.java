package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Scan;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Runs an expression rewrite that trusts {@link Expr#nullable()} only after marking every
 * attribute nullable that the node's inputs produce as nullable. A reference built before an
 * outer join padded its side (or by a front end that did not know) may still claim to be
 * non-nullable; rules such as {@link NullPropagation} must not believe it.
 */
final class NullableAttributes {
  private NullableAttributes() {}

  /** {@code node} with {@code rewrite} applied bottom-up to each expression; unchanged when it did nothing. */
  static LogicalPlan whereSafe(LogicalPlan node, UnaryOperator<Expr> rewrite) {
    Set<Long> nullable = new HashSet<>();
    List<LogicalPlan> inputs = node instanceof Scan ? List.of(node) : node.children();
    for (LogicalPlan in : inputs) for (AttributeRef a : in.output()) if (a.nullable()) nullable.add(a.id());
    return node.mapExpressions(e -> {
      Expr fresh = e.transformUp(x -> x instanceof AttributeRef a && nullable.contains(a.id()) ? a.withNullable(true) : x);
      Expr out = fresh.transformUp(rewrite::apply);
      return out == fresh ? e : out;
    });
  }
}
