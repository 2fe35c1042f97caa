package dev.ember.planner.strategy;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.expr.NamedWindow;
import dev.ember.catalyst.expr.SortOrder;
import dev.ember.catalyst.expr.WindowFunction;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.BroadcastHint;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.plan.logical.Limit;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.catalyst.plan.logical.Sort;
import dev.ember.catalyst.plan.logical.Union;
import dev.ember.catalyst.plan.logical.Values;
import dev.ember.catalyst.plan.logical.Window;
import dev.ember.planner.cost.JoinSizes;
import dev.ember.planner.exchange.EnsureRequirements;
import dev.ember.planner.physical.AggMode;
import dev.ember.planner.physical.AggregateBuffers;
import dev.ember.planner.physical.FilterExec;
import dev.ember.planner.physical.HashAggregateExec;
import dev.ember.planner.physical.HashJoinExec;
import dev.ember.planner.physical.LimitExec;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.physical.ProjectExec;
import dev.ember.planner.physical.ScanExec;
import dev.ember.planner.physical.SortExec;
import dev.ember.planner.physical.TopNExec;
import dev.ember.planner.physical.UnionExec;
import dev.ember.planner.physical.ValuesExec;
import dev.ember.planner.physical.WindowExec;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an optimized logical plan into a physical plan: one strategy per logical operator, then
 * {@link EnsureRequirements} inserts the exchanges that partitioning requirements call for.
 *
 * <ul>
 *   <li>Aggregate → a PARTIAL aggregate per partition and a FINAL one after an exchange on the
 *       grouping keys.</li>
 *   <li>Join → a hash join on the equi-join keys; the build side (right; the smaller side of an
 *       inner join) is broadcast when its estimated size is under the threshold, otherwise both
 *       sides are shuffled on their keys. RIGHT joins become LEFT joins with swapped inputs.</li>
 *   <li>Sort under a Limit → top-N (local per partition, then global); Sort → a global sort;
 *       Limit → a local limit per partition, then a global one.</li>
 *   <li>Window → a window operator over its input clustered on the partition keys (all in one
 *       partition without PARTITION BY).</li>
 * </ul>
 */
public final class PhysicalPlanner {
  private final PlannerConfig config;
  private final JoinSizes sizes;
  private final java.util.Set<Long> broadcastHints;

  public PhysicalPlanner(PlannerConfig config) { this(config, java.util.Set.of()); }

  /**
   * @param broadcastHints output attribute ids of relations a {@code BROADCAST} hint names: a join
   *     side that outputs one of them is built and broadcast whatever its estimated size
   */
  public PhysicalPlanner(PlannerConfig config, java.util.Set<Long> broadcastHints) {
    this.config = config;
    this.sizes = new JoinSizes(config.cboEnabled());
    this.broadcastHints = java.util.Set.copyOf(broadcastHints);
  }

  public PhysicalPlan plan(LogicalPlan logical) {
    return ArrayKeys.check(new EnsureRequirements(config.shufflePartitions()).apply(toPhysical(logical)));
  }

  private PhysicalPlan toPhysical(LogicalPlan p) {
    if (p instanceof Scan s) return new ScanExec(s.table(), s.output(), s.filters());
    if (p instanceof Values v) return new ValuesExec(v.output(), v.rows());
    if (p instanceof Filter f) return new FilterExec(f.condition(), toPhysical(f.child()));
    if (p instanceof Project pr) return new ProjectExec(pr.projections(), toPhysical(pr.child()));
    if (p instanceof Aggregate a) return planAggregate(a);
    if (p instanceof Join j) return planJoin(j);
    if (p instanceof Limit l) return planLimit(l);
    if (p instanceof Sort s) return sortedBy(s.orders(), toPhysical(s.child()), null);
    if (p instanceof Window w) return planWindow(w);
    if (p instanceof BroadcastHint h) return toPhysical(h.child());
    if (p instanceof Union u) {
      List<PhysicalPlan> inputs = new ArrayList<>();
      for (LogicalPlan c : u.inputs()) inputs.add(toPhysical(c));
      return new UnionExec(inputs);
    }
    throw EmberException.notSupported("logical operator " + p.getClass().getSimpleName());
  }

  private PhysicalPlan planAggregate(Aggregate a) {
    PhysicalPlan child = toPhysical(a.child());
    // Group by attributes only: computed keys are projected first.
    Keyed keyed = Keyed.of(child, a.groupings().stream().map(g -> (Expr) g).toList(), "group");
    List<NamedExpr> groupings = new ArrayList<>();
    for (int i = 0; i < a.groupings().size(); i++) {
      NamedExpr g = a.groupings().get(i);
      AttributeRef key = keyed.keys().get(i);
      // Keep the Aggregate's own output attribute (name and id) for each grouping.
      groupings.add(key.id() == g.id() ? key : new Alias(key, g.name(), g.id()));
    }
    List<AttributeRef> buffers = AggregateBuffers.attributes(a.aggregates());
    HashAggregateExec partial = new HashAggregateExec(AggMode.PARTIAL, groupings, a.aggregates(), buffers, keyed.plan());
    List<NamedExpr> finalGroupings = new ArrayList<>(partial.groupingAttributes());
    return new HashAggregateExec(AggMode.FINAL, finalGroupings, a.aggregates(), buffers, partial);
  }

  /**
   * Window → a window operator over its child clustered by the partition keys. Computed keys and
   * arguments are projected first (as for grouping keys) and projected away after.
   */
  private PhysicalPlan planWindow(Window w) {
    PhysicalPlan child = toPhysical(w.child());
    List<Expr> keyExprs = new ArrayList<>(w.partitionBy());
    for (SortOrder o : w.orderBy()) keyExprs.add(o.expr());
    Keyed keyed = Keyed.of(child, keyExprs, "wkey");
    int parts = w.partitionBy().size();
    List<SortOrder> orders = new ArrayList<>();
    for (int i = 0; i < w.orderBy().size(); i++) orders.add(w.orderBy().get(i).withExpr(keyed.keys().get(parts + i)));
    List<NamedWindow> functions = new ArrayList<>();
    PhysicalPlan input = keyed.plan();
    List<NamedExpr> argProjections = new ArrayList<>(input.output());
    for (NamedWindow f : w.functions()) {
      List<Expr> args = new ArrayList<>();
      for (Expr a : f.function().args()) {
        if (a instanceof AttributeRef || a instanceof Literal) {
          args.add(a);
        } else {
          Alias alias = Alias.of(a, "warg" + (argProjections.size() - input.output().size()));
          argProjections.add(alias);
          args.add(alias.toAttribute());
        }
      }
      functions.add(f.withFunction(new WindowFunction(f.function().fn(), args, f.function().type())));
    }
    if (argProjections.size() > input.output().size()) input = new ProjectExec(argProjections, input);
    PhysicalPlan window = new WindowExec(functions, keyed.keys().subList(0, parts), orders, input);
    return input == child ? window : new ProjectExec(new ArrayList<>(w.output()), window);
  }

  private PhysicalPlan planJoin(Join j) {
    JoinType type = j.type();
    if (type == JoinType.FULL) return planFullJoin(j);
    if (type == JoinType.RIGHT) {
      // a RIGHT JOIN b = b LEFT JOIN a, with columns put back in order.
      Join swapped = new Join(j.right(), j.left(), JoinType.LEFT, j.condition());
      List<NamedExpr> order = new ArrayList<>(j.output());
      return new ProjectExec(order, planJoin(swapped));
    }
    LogicalPlan left = j.left(), right = j.right();
    long leftSize = sizes.bytes(left), rightSize = sizes.bytes(right);
    // Build on the hinted side of an inner join, else on the smaller one.
    boolean leftHinted = hinted(left), rightHinted = hinted(right);
    boolean swap = type == JoinType.INNER && (leftHinted != rightHinted ? leftHinted : rightSize > leftSize);
    if (swap) {
      Join swapped = new Join(right, left, JoinType.INNER, j.condition());
      return new ProjectExec(new ArrayList<>(j.output()), planJoinAsIs(swapped));
    }
    return planJoinAsIs(j);
  }

  /**
   * {@code a FULL JOIN b ON c} as {@code (a LEFT JOIN b ON c) UNION ALL (b LEFT ANTI JOIN a ON c)}
   * with the anti join's missing left columns NULL: every matched pair once, every unmatched row
   * of either side once. Both inputs are read twice; a build side that tracks its matched rows
   * would read them once.
   */
  private PhysicalPlan planFullJoin(Join j) {
    PhysicalPlan matchedAndLeft = new ProjectExec(new ArrayList<>(j.output()),
        planJoin(new Join(j.left(), j.right(), JoinType.LEFT, j.condition())));
    List<NamedExpr> padded = new ArrayList<>();
    for (AttributeRef a : j.left().output()) padded.add(Alias.of(Literal.nullOf(a.type()), a.name()));
    padded.addAll(j.right().output());
    PhysicalPlan rightOnly = new ProjectExec(padded,
        planJoin(new Join(j.right(), j.left(), JoinType.LEFT_ANTI, j.condition())));
    return new UnionExec(List.of(matchedAndLeft, rightOnly));
  }

  /** Plans the join with its build side on the right, as given. */
  private PhysicalPlan planJoinAsIs(Join j) {
    JoinType type = j.type();
    LogicalPlan left = j.left(), right = j.right();
    long threshold = config.autoBroadcastJoinThreshold();
    long rightSize = sizes.bytes(right);
    JoinKeys keys = JoinKeys.extract(j.condition(), Exprs.ids(left.output()), Exprs.ids(right.output()));
    boolean broadcast = keys.leftKeys().isEmpty() || hinted(right) || (threshold >= 0 && rightSize <= threshold);
    Keyed l = Keyed.of(toPhysical(left), keys.leftKeys(), "lkey");
    Keyed r = Keyed.of(toPhysical(right), keys.rightKeys(), "rkey");
    PhysicalPlan join = new HashJoinExec(type, l.keys(), r.keys(), keys.residual(), broadcast, l.plan(), r.plan());
    boolean addedColumns = l.plan() != l.original() || (type.outputsRight() && r.plan() != r.original());
    return addedColumns ? new ProjectExec(new ArrayList<>(j.output()), join) : join;
  }


  /** Whether {@code side} is a hinted relation: its scan, under filters and projections only. */
  private boolean hinted(LogicalPlan side) {
    if (broadcastHints.isEmpty()) return false;
    if (side instanceof Filter f) return hinted(f.child());
    if (side instanceof Project p) return hinted(p.child());
    if (side instanceof Scan s) {
      for (AttributeRef a : s.output()) if (broadcastHints.contains(a.id())) return true;
    }
    return false;
  }

  private PhysicalPlan planLimit(Limit l) {
    if (l.child() instanceof Sort s && l.limit() >= 0) {
      PhysicalPlan child = toPhysical(s.child());
      return sortedBy(s.orders(), child, l);
    }
    PhysicalPlan child = toPhysical(l.child());
    if (l.limit() < 0) return new LimitExec(-1, l.offset(), true, child);
    LimitExec local = new LimitExec(l.limit() + l.offset(), 0, false, child);
    return new LimitExec(l.limit(), l.offset(), true, local);
  }

  /** A global sort (or top-N when {@code limit} is given) by attributes; expressions are projected first. */
  private PhysicalPlan sortedBy(List<SortOrder> orders, PhysicalPlan child, Limit limit) {
    Keyed keyed = Keyed.of(child, orders.stream().map(SortOrder::expr).toList(), "sortkey");
    List<SortOrder> bound = new ArrayList<>();
    for (int i = 0; i < orders.size(); i++) bound.add(orders.get(i).withExpr(keyed.keys().get(i)));
    PhysicalPlan sorted;
    if (limit != null) {
      TopNExec local = new TopNExec(limit.limit() + limit.offset(), 0, bound, false, keyed.plan());
      sorted = new TopNExec(limit.limit(), limit.offset(), bound, true, local);
    } else {
      sorted = new SortExec(bound, keyed.plan());
    }
    return keyed.plan() == child ? sorted : new ProjectExec(new ArrayList<>(child.output()), sorted);
  }

  /** A child with the given key expressions available as attributes of its output. */
  record Keyed(PhysicalPlan original, PhysicalPlan plan, List<AttributeRef> keys) {
    static Keyed of(PhysicalPlan child, List<Expr> keyExprs, String prefix) {
      List<NamedExpr> projections = new ArrayList<>(child.output());
      List<AttributeRef> keys = new ArrayList<>();
      boolean computed = false;
      for (Expr e : keyExprs) {
        Expr k = e instanceof Alias a ? a.child() : e;
        if (k instanceof AttributeRef ref && child.output().stream().anyMatch(o -> o.id() == ref.id())) {
          keys.add(ref);
        } else {
          Alias alias = Alias.of(k, prefix + keys.size());
          projections.add(alias);
          keys.add(alias.toAttribute());
          computed = true;
        }
      }
      return new Keyed(child, computed ? new ProjectExec(projections, child) : child, keys);
    }
  }
}
