package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.NamedAggregate;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.expr.NamedWindow;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.Limit;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.catalyst.plan.logical.Sort;
import dev.ember.catalyst.plan.logical.Union;
import dev.ember.catalyst.plan.logical.Window;
import dev.ember.catalyst.rules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Narrows every operator to the columns used above it, top-down: scans read only needed columns
 * (plus those their filters read), unused project items, aggregate outputs and window functions
 * go, and a Project
 * goes under a Join or Aggregate input that would otherwise carry columns nobody reads.
 * <pre>
 * Project [a]                          Project [a]
 *   Join Inner [(a = x)]                 Join Inner [(a = x)]
 *     Scan t [a, b, c]          =>         Scan t [a]
 *     Scan u [x, y]                        Scan u [x]
 * </pre>
 * The root's output never changes. Kept columns keep their order. Where an operator must still
 * produce rows but no column is needed (count(*)), one column (or aggregate) is kept rather than
 * none. Values rows and nodes this rule does not know are not narrowed (their inputs still are).
 */
public final class PruneColumns implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return prune(plan, Conjuncts.outputIds(plan));
  }

  /** {@code plan} rewritten so that its output still holds every id of {@code required}. */
  private static LogicalPlan prune(LogicalPlan plan, Set<Long> required) {
    if (plan instanceof Scan s) return pruneScan(s, required);
    if (plan instanceof Project p) return pruneProject(p, required);
    if (plan instanceof Aggregate a) return pruneAggregate(a, required);
    if (plan instanceof Join j) return pruneJoin(j, required);
    if (plan instanceof Union u) return pruneUnion(u, required);
    if (plan instanceof Window w) return pruneWindow(w, required);
    if (plan instanceof Filter || plan instanceof Sort || plan instanceof Limit) {
      Set<Long> need = union(required, Exprs.references(plan.expressions()));
      LogicalPlan child = plan.children().get(0);
      return plan.withChildren(List.of(prune(child, need)));
    }
    // Unknown operators (and Values): keep their inputs whole, prune below them.
    List<LogicalPlan> kids = new ArrayList<>();
    for (LogicalPlan k : plan.children()) kids.add(prune(k, Conjuncts.outputIds(k)));
    return plan.withChildren(kids);
  }

  /**
   * Drops window functions nobody reads (the whole Window when none is left); the child keeps the
   * columns needed above and those the remaining functions read.
   */
  private static LogicalPlan pruneWindow(Window w, Set<Long> required) {
    List<NamedWindow> kept = w.functions().stream().filter(f -> required.contains(f.id())).toList();
    if (kept.isEmpty()) return prune(w.child(), required);
    Window narrowed = kept.size() == w.functions().size() ? w
        : new Window(kept, w.partitionBy(), w.orderBy(), w.child());
    Set<Long> need = union(required, Exprs.references(narrowed.expressions()));
    return narrowed.withChild(prune(w.child(), need));
  }

  private static LogicalPlan pruneScan(Scan s, Set<Long> required) {
    Set<Long> need = union(required, Exprs.references(s.filters()));
    List<AttributeRef> kept = Conjuncts.only(s.output(), need);
    if (kept.isEmpty() && !s.output().isEmpty()) kept = List.of(s.output().get(0));
    return kept.size() == s.output().size() ? s : s.withOutput(kept);
  }

  private static LogicalPlan pruneProject(Project p, Set<Long> required) {
    List<NamedExpr> kept = p.projections().stream().filter(n -> required.contains(n.id())).toList();
    if (kept.isEmpty() && !p.projections().isEmpty()) kept = List.of(p.projections().get(0));
    List<Expr> exprs = kept.stream().map(n -> (Expr) n).toList();
    LogicalPlan child = prune(p.child(), Exprs.references(exprs));
    if (kept.size() == p.projections().size()) return p.withChild(child);
    return new Project(kept, child);
  }

  private static LogicalPlan pruneAggregate(Aggregate a, Set<Long> required) {
    List<NamedAggregate> kept = a.aggregates().stream().filter(n -> required.contains(n.id())).toList();
    if (kept.isEmpty() && a.groupings().isEmpty() && !a.aggregates().isEmpty()) {
      kept = List.of(a.aggregates().get(0)); // a global aggregate still returns its one row
    }
    Set<Long> need = Exprs.references(a.groupings().stream().map(g -> (Expr) g).toList());
    for (NamedAggregate n : kept) need.addAll(Exprs.references(n.call().expressions()));
    LogicalPlan child = narrow(prune(a.child(), need), need);
    if (kept.size() == a.aggregates().size()) return a.withChild(child);
    return new Aggregate(a.groupings(), kept, child);
  }

  private static LogicalPlan pruneJoin(Join j, Set<Long> required) {
    Set<Long> need = union(required, Exprs.references(j.condition()));
    Set<Long> left = intersect(need, Conjuncts.outputIds(j.left()));
    Set<Long> right = intersect(need, Conjuncts.outputIds(j.right()));
    return j.withChildren(List.of(narrow(prune(j.left(), left), left), narrow(prune(j.right(), right), right)));
  }

  /** Union inputs line up by position, so every input keeps the same positions, exactly. */
  private static LogicalPlan pruneUnion(Union u, Set<Long> required) {
    List<AttributeRef> first = u.inputs().get(0).output();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) if (required.contains(first.get(i).id())) positions.add(i);
    if (positions.isEmpty() && !first.isEmpty()) positions.add(0);
    List<LogicalPlan> inputs = new ArrayList<>();
    for (LogicalPlan in : u.inputs()) {
      List<NamedExpr> cols = new ArrayList<>();
      for (int i : positions) cols.add(in.output().get(i));
      LogicalPlan pruned = prune(in, Exprs.ids(cols.stream().map(NamedExpr::toAttribute).toList()));
      boolean exact = pruned.output().equals(cols);
      inputs.add(exact ? pruned : new Project(cols, pruned));
    }
    return u.withChildren(inputs);
  }

  /** {@code plan} under a Project of just {@code need} when that drops a column. */
  private static LogicalPlan narrow(LogicalPlan plan, Set<Long> need) {
    if (need.isEmpty() || plan.output().size() <= need.size()) return plan;
    return new Project(new ArrayList<>(Conjuncts.only(plan.output(), need)), plan);
  }

  private static Set<Long> union(Set<Long> a, Set<Long> b) {
    Set<Long> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return out;
  }

  private static Set<Long> intersect(Set<Long> a, Set<Long> b) {
    Set<Long> out = new LinkedHashSet<>(a);
    out.retainAll(b);
    return out;
  }
}
