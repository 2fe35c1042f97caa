package dev.ember.api;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import java.util.List;

/** Small helpers over the plans the SQL front end hands back for a transformation. */
final class Plans {
  private Plans() {}

  /**
   * {@code plan} without Projects that only repeat their child's output (same columns, same ids,
   * same names, same order): what {@code SELECT <every column> FROM input} leaves behind.
   */
  static LogicalPlan withoutIdentityProjects(LogicalPlan plan) {
    return plan.transformUp(p -> p instanceof Project pr && isIdentity(pr) ? pr.child() : p);
  }

  static boolean isIdentity(Project p) {
    List<AttributeRef> in = p.child().output();
    List<NamedExpr> out = p.projections();
    if (in.size() != out.size()) return false;
    for (int i = 0; i < out.size(); i++) {
      if (!(out.get(i) instanceof AttributeRef a) || a.id() != in.get(i).id() || !a.name().equals(in.get(i).name())) {
        return false;
      }
    }
    return true;
  }

  /** The first node of {@code plan} (pre-order) of the given class, or null. */
  static <T extends LogicalPlan> T find(LogicalPlan plan, Class<T> type) {
    if (type.isInstance(plan)) return type.cast(plan);
    for (LogicalPlan c : plan.children()) {
      T t = find(c, type);
      if (t != null) return t;
    }
    return null;
  }
}
