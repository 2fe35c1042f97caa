package dev.ember.catalyst.tree;

import java.util.List;

/** Helpers for implementing {@link TreeNode#withChildren}. */
public final class Trees {
  private Trees() {}

  /** True when both lists hold the same objects in the same order. */
  public static <T> boolean sameElements(List<? extends T> a, List<? extends T> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
    return true;
  }

  public static void checkArity(List<?> children, int n, Object node) {
    if (children.size() != n) {
      throw new IllegalArgumentException(node.getClass().getSimpleName() + " takes " + n
          + " children, got " + children.size());
    }
  }
}
