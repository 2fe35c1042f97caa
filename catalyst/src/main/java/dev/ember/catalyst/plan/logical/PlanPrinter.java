package dev.ember.catalyst.plan.logical;

import dev.ember.catalyst.tree.TreeNode;
import java.util.function.Function;

/** The one printer of plan trees: {@code Name [args]}, two spaces per level. */
public final class PlanPrinter {
  private PlanPrinter() {}

  public static String print(LogicalPlan plan) { return print(plan, LogicalPlan::describe); }

  /** Prints any tree given how to describe one node. */
  public static <T extends TreeNode<T>> String print(T root, Function<T, String> describe) {
    StringBuilder sb = new StringBuilder();
    append(root, describe, 0, sb);
    return sb.toString();
  }

  private static <T extends TreeNode<T>> void append(T node, Function<T, String> describe, int depth,
      StringBuilder sb) {
    sb.append("  ".repeat(depth)).append(describe.apply(node)).append('\n');
    for (T child : node.children()) append(child, describe, depth + 1, sb);
  }
}
