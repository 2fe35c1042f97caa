package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
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
 * an equi-join; a key that may be NULL is compared through a stand-in value plus its NULL-ness
 * ({@link #sameKey}), so the NULL groups pair up as GROUP BY made them one group.
 */
final class JoinedDistinctAggregates {
  private JoinedDistinctAggregates() {}

  static LogicalPlan of(Aggregate a, List<List<Expr>> argSets) {
    for (NamedExpr g : a.groupings()) {
      if (g.toAttribute().nullable() && standIn(g.toAttribute().type()) == null) {
        throw EmberException.notSupported("several DISTINCT aggregates over different arguments, grouped by "
            + "a column of type " + g.toAttribute().type() + " that may be NULL");
      }
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
      for (int k = 0; k < keys.size(); k++) equal.addAll(sameKey(a.groupings().get(k).toAttribute(), keys.get(k).toAttribute()));
      joined = new Join(joined, branch, JoinType.INNER, Predicates.and(equal));
    }
    return new Project(new ArrayList<NamedExpr>(a.output()), joined);
  }

  /**
   * Conjuncts true when two group keys are the same group, as hashable equalities: {@code l = r}
   * for a key that cannot be NULL; else {@code coalesce(l, z) = coalesce(r, z)} and
   * {@code (l IS NULL) = (r IS NULL)}, z any value of the type, so that the NULL groups pair up
   * while the join still hashes on the key.
   */
  private static List<Expr> sameKey(AttributeRef l, AttributeRef r) {
    if (!l.nullable() && !r.nullable()) return List.of(BinaryOp.predicate(BinaryOp.Op.EQ, l, r));
    Literal z = standIn(l.type());
    return List.of(
        BinaryOp.predicate(BinaryOp.Op.EQ, Call.of(Call.Fn.COALESCE, l.type(), l, z), Call.of(Call.Fn.COALESCE, r.type(), r, z)),
        BinaryOp.predicate(BinaryOp.Op.EQ, UnaryOp.isNull(l), UnaryOp.isNull(r)));
  }

  /** A non-NULL value of {@code t} (its zero), or null for a type without one here. */
  static Literal standIn(DataType t) {
    Object v;
    switch (t.id()) {
      case BOOLEAN: v = false; break;
      case TINYINT: v = (byte) 0; break;
      case SMALLINT: v = (short) 0; break;
      case INT: case DATE: case INTERVAL_YEAR_MONTH: v = 0; break;
      case BIGINT: case TIMESTAMP: case TIMESTAMP_TZ: case INTERVAL_DAY_TIME: v = 0L; break;
      case FLOAT: v = 0f; break;
      case DOUBLE: v = 0d; break;
      case DECIMAL: v = t.isLongDecimal() ? (Object) 0L : java.math.BigDecimal.ZERO.setScale(t.scale()); break;
      case VARCHAR: v = Utf8String.of(""); break;
      default: return null;
    }
    return new Literal(v, t);
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
