package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.NamedAggregate;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import java.util.ArrayList;
import java.util.List;

/**
 * DISTINCT aggregates over several different sets of values: one {@link TwoLevelAggregate} per
 * set (the plain aggregates go with the first), joined on the grouping keys, then a Project that
 * restores the original column order.
 * <pre>
 * Aggregate [] [count(DISTINCT x) AS a,        Project [a, b]
 *               count(DISTINCT y) AS b]   =>     Join Inner
 *   Scan t [x, y]                                  Aggregate [] [count(x) AS a]
 *                                                    Aggregate [x] []
 *                                                  Aggregate [] [count(y) AS b]
 *                                                    Aggregate [y] []
 * </pre>
 * A global aggregate gives one row per branch, so a cross join is exact. With keys the join is
 * an equi-join, exact only when no key can be NULL (a NULL key group would find no partner);
 * nullable keys raise {@link EmberException#notSupported}.
 */
final class JoinedDistinctAggregates {
  private JoinedDistinctAggregates() {}

  static LogicalPlan of(Aggregate a, List<List<Expr>> argSets) {
    if (a.groupings().stream().anyMatch(g -> g.toAttribute().nullable())) {
      throw EmberException.notSupported("several DISTINCT aggregates over different arguments, grouped by "
          + "a column that may be NULL");
    }
    LogicalPlan joined = null;
    for (int i = 0; i < argSets.size(); i++) {
      List<NamedExpr> keys = i == 0 ? a.groupings() : fresh(a.groupings());
      LogicalPlan branch = TwoLevelAggregate.of(new Aggregate(keys, branchAggregates(a, argSets, i), a.child()));
      if (joined == null) {
        joined = branch;
        continue;
      }
      List<Expr> equal = new ArrayList<>();
      for (int k = 0; k < keys.size(); k++) {
        equal.add(BinaryOp.predicate(BinaryOp.Op.EQ, a.groupings().get(k).toAttribute(), keys.get(k).toAttribute()));
      }
      joined = new Join(joined, branch, JoinType.INNER, Predicates.and(equal));
    }
    return new Project(new ArrayList<NamedExpr>(a.output()), joined);
  }

  /** The DISTINCT aggregates over set {@code i}, plus every plain aggregate for the first set. */
  private static List<NamedAggregate> branchAggregates(Aggregate a, List<List<Expr>> argSets, int i) {
    List<NamedAggregate> out = new ArrayList<>();
    for (NamedAggregate n : a.aggregates()) {
      boolean mine = n.call().distinct()
          ? argSets.indexOf(DistinctArgs.canonical(DistinctArgs.of(n.call()))) == i : i == 0;
      if (mine) out.add(n);
    }
    return out;
  }

  /** The same grouping expressions under new ids, so the branches' key columns do not clash. */
  private static List<NamedExpr> fresh(List<NamedExpr> groupings) {
    return groupings.stream().map(g -> (NamedExpr) Alias.of(g.expr(), g.name())).toList();
  }
}
