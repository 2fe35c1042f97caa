package dev.ember.catalyst.plan.logical;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.tree.TreeNode;
import java.util.List;
import java.util.function.UnaryOperator;

/** A relational operator of the logical plan. Trees are immutable. */
public sealed interface LogicalPlan extends TreeNode<LogicalPlan>
    permits Scan, Values, Filter, Project, Aggregate, Join, Sort, Limit, Union, Window,
        BroadcastHint {

  /** The columns this operator produces, in order. */
  List<AttributeRef> output();

  /** The expressions this node holds (not those of its children). */
  List<Expr> expressions();

  /** A copy with {@code f} applied to each of this node's own expressions (top-level only). */
  LogicalPlan mapExpressions(UnaryOperator<Expr> f);

  /** Applies {@code rule} bottom-up to every expression of this node. */
  default LogicalPlan transformExpressionsUp(UnaryOperator<Expr> rule) {
    return mapExpressions(e -> e.transformUp(rule::apply));
  }

  /** Applies {@code rule} bottom-up to every expression of every node in the tree. */
  default LogicalPlan transformAllExpressions(UnaryOperator<Expr> rule) {
    return transformUp(p -> p.transformExpressionsUp(rule));
  }

  /** One-line description used by the plan printer: {@code Name [args]}. */
  String describe();

  default String treeString() { return PlanPrinter.print(this); }
}
