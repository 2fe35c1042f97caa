package dev.ember.catalyst.expr;

import dev.ember.catalyst.tree.TreeNode;
import dev.ember.catalyst.types.DataType;

/**
 * A scalar expression. Every expression is typed when built: the front end (Calcite validation,
 * or the DataFrame analyzer) decides types, and coercions are explicit {@link Cast}s.
 *
 * <p>Typing invariants the evaluators rely on:
 * <ul>
 *   <li>comparison operands have the same type;</li>
 *   <li>non-decimal arithmetic: both operands have the result type;</li>
 *   <li>decimal arithmetic: both operands are DECIMAL; the result type follows {@link DecimalRules};</li>
 *   <li>date/timestamp arithmetic: the left operand is DATE/TIMESTAMP, the right an INTERVAL (or,
 *       for DATE − DATE, a DATE giving INT days).</li>
 * </ul>
 */
public sealed interface Expr extends TreeNode<Expr>, java.io.Serializable
    permits Literal, AttributeRef, BoundRef, Alias, BinaryOp, UnaryOp, Cast, CaseWhen, InList, Call {

  DataType dataType();

  boolean nullable();

  /** False when evaluating twice may give different answers (e.g. random()). */
  default boolean deterministic() {
    for (Expr c : children()) if (!c.deterministic()) return false;
    return true;
  }

  /** True when the value does not depend on any input row. */
  default boolean foldable() {
    for (Expr c : children()) if (!c.foldable()) return false;
    return deterministic();
  }

  /** Human-readable SQL-like text; the one printer for plans, EXPLAIN and tests. */
  default String display() { return ExprPrinter.print(this); }
}
