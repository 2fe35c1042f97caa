package dev.ember.catalyst.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An immutable tree node. {@link #withChildren} returns {@code this} when nothing changed, so
 * transforms (and the optimizer) detect change by identity.
 */
public interface TreeNode<T extends TreeNode<T>> {
  List<T> children();

  /** A copy with these children, or {@code this} if they are the same objects. */
  T withChildren(List<T> children);

  @SuppressWarnings("unchecked")
  private T self() { return (T) this; }

  /** Applies {@code rule} to every node, children first. */
  default T transformUp(Function<T, T> rule) {
    List<T> kids = children();
    T node = self();
    if (!kids.isEmpty()) {
      List<T> newKids = null;
      for (int i = 0; i < kids.size(); i++) {
        T k = kids.get(i);
        T nk = k.transformUp(rule);
        if (nk != k) {
          if (newKids == null) newKids = new ArrayList<>(kids);
          newKids.set(i, nk);
        }
      }
      if (newKids != null) node = node.withChildren(newKids);
    }
    return rule.apply(node);
  }

  /** Applies {@code rule} to every node, parents first (the children of the rewritten node). */
  default T transformDown(Function<T, T> rule) {
    T node = rule.apply(self());
    List<T> kids = node.children();
    if (kids.isEmpty()) return node;
    List<T> newKids = null;
    for (int i = 0; i < kids.size(); i++) {
      T k = kids.get(i);
      T nk = k.transformDown(rule);
      if (nk != k) {
        if (newKids == null) newKids = new ArrayList<>(kids);
        newKids.set(i, nk);
      }
    }
    return newKids == null ? node : node.withChildren(newKids);
  }

  /** Visits every node, parents first. */
  default void foreach(Consumer<T> visitor) {
    visitor.accept(self());
    for (T k : children()) k.foreach(visitor);
  }

  /** Every node (parents first) for which {@code f} returns non-null, mapped by {@code f}. */
  default <R> List<R> collect(Function<T, R> f) {
    List<R> out = new ArrayList<>();
    foreach(n -> {
      R r = f.apply(n);
      if (r != null) out.add(r);
    });
    return out;
  }

  default boolean exists(java.util.function.Predicate<T> p) {
    if (p.test(self())) return true;
    for (T k : children()) if (k.exists(p)) return true;
    return false;
  }
}
