package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.plan.logical.Limit;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.catalyst.plan.logical.Sort;
import dev.ember.catalyst.plan.logical.Union;
import dev.ember.catalyst.plan.logical.Window;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deterministic conditions known to hold for every row a plan returns, derived bottom-up from
 * its filters, scan filters and inner-join conditions and carried through operators that keep the
 * columns they read (renamed through a projection's {@code a AS b}). Conditions are kept in a
 * canonical form ({@link #canonical}) so that membership ignores names and nullability.
 */
final class Constraints {
  private Constraints() {}

  static Set<Expr> of(LogicalPlan plan) {
    Set<Expr> out = new LinkedHashSet<>();
    if (plan instanceof Scan s) {
      addAll(out, s.filters());
    } else if (plan instanceof Filter f) {
      out.addAll(of(f.child()));
      addAll(out, Predicates.splitConjuncts(f.condition()));
    } else if (plan instanceof Sort || plan instanceof Limit || plan instanceof Window) {
      out.addAll(of(plan.children().get(0)));
    } else if (plan instanceof Project p) {
      out.addAll(through(p.projections(), of(p.child()), Conjuncts.outputIds(p)));
    } else if (plan instanceof Aggregate a) {
      out.addAll(through(a.groupings(), of(a.child()), Conjuncts.outputIds(a)));
    } else if (plan instanceof Union u) {
      out.addAll(ofUnion(u));
    } else if (plan instanceof Join j) {
      JoinType t = j.type();
      if (t != JoinType.RIGHT && t != JoinType.FULL) out.addAll(of(j.left()));
      if (t == JoinType.INNER || t == JoinType.RIGHT) out.addAll(of(j.right()));
      if (t == JoinType.INNER) addAll(out, Predicates.splitConjuncts(j.condition()));
    }
    return out;
  }

  /** True when {@code a IS NOT NULL} follows from the constraints or from {@code a}'s type. */
  static boolean impliesNotNull(Set<Expr> constraints, AttributeRef a, LogicalPlan producer) {
    for (AttributeRef o : producer.output()) if (o.id() == a.id() && !o.nullable()) return true;
    for (Expr c : constraints) {
      if (c instanceof UnaryOp u && u.op() == UnaryOp.Op.IS_NOT_NULL && isAttr(u.child(), a)) return true;
      if (c instanceof BinaryOp b && b.op().isComparison() && b.op() != BinaryOp.Op.EQ_NULL_SAFE
          && (isAttr(b.left(), a) || isAttr(b.right(), a))) {
        return true;
      }
    }
    return false;
  }

  /** {@code e} with every attribute reduced to its id and type. */
  static Expr canonical(Expr e) {
    return e.transformUp(x -> x instanceof AttributeRef a ? new AttributeRef("", a.type(), false, a.id()) : x);
  }

  /**
   * Child constraints over the columns a projection keeps, with an aliased expression ({@code e AS
   * b}) replaced by b wherever it occurs.
   */
  private static Set<Expr> through(List<NamedExpr> items, Set<Expr> child, Set<Long> outputIds) {
    Map<Expr, Expr> renames = new HashMap<>();
    for (NamedExpr n : items) {
      if (n instanceof Alias al && al.child().deterministic()) {
        renames.putIfAbsent(canonical(al.child()), canonical(al.toAttribute()));
      }
    }
    Set<Expr> out = new LinkedHashSet<>();
    for (Expr c : child) {
      if (outputIds.containsAll(Exprs.references(c))) out.add(c);
      if (renames.isEmpty()) continue;
      Expr renamed = c.transformDown(x -> renames.getOrDefault(x, x));
      if (renamed != c && outputIds.containsAll(Exprs.references(renamed))) out.add(renamed);
    }
    return out;
  }

  /** Constraints of the first input that every other input has too, at the same positions. */
  private static Set<Expr> ofUnion(Union u) {
    List<AttributeRef> first = u.inputs().get(0).output();
    Set<Expr> out = new LinkedHashSet<>(of(u.inputs().get(0)));
    for (LogicalPlan in : u.inputs().subList(1, u.inputs().size())) {
      Map<Long, Expr> byPosition = new HashMap<>();
      for (int i = 0; i < first.size(); i++) byPosition.put(first.get(i).id(), canonical(in.output().get(i)));
      Set<Expr> theirs = of(in);
      out.removeIf(c -> !theirs.contains(Exprs.substitute(c, byPosition)));
    }
    return out;
  }

  private static void addAll(Set<Expr> out, List<Expr> conjuncts) {
    for (Expr c : conjuncts) if (c.deterministic()) out.add(canonical(c));
  }

  private static boolean isAttr(Expr e, AttributeRef a) { return e instanceof AttributeRef r && r.id() == a.id(); }
}
