package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.AggregateCall;
import dev.ember.catalyst.expr.AggregateCall.AggFn;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.CaseWhen;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.NamedAggregate;
import dev.ember.catalyst.plan.logical.Aggregate;
import java.util.ArrayList;
import java.util.List;

/** What {@link RewriteDistinctAggregates} needs to know about the DISTINCT aggregates of one Aggregate. */
final class DistinctArgs {
  private DistinctArgs() {}

  static boolean hasDistinct(Aggregate a) {
    return a.aggregates().stream().anyMatch(n -> n.call().distinct());
  }

  /**
   * min, max and any_value give the same answer with or without DISTINCT: drops the flag there
   * so they need no second aggregation level. Returns {@code a} when none had it.
   */
  static Aggregate dropNeedlessDistinct(Aggregate a) {
    List<NamedAggregate> out = new ArrayList<>();
    boolean changed = false;
    for (NamedAggregate n : a.aggregates()) {
      AggregateCall c = n.call();
      boolean needless = c.distinct() && (c.fn() == AggFn.MIN || c.fn() == AggFn.MAX || c.fn() == AggFn.ANY_VALUE);
      out.add(needless ? n.withCall(new AggregateCall(c.fn(), c.args(), false, c.filter(), c.type())) : n);
      changed |= needless;
    }
    return changed ? new Aggregate(a.groupings(), out, a.child()) : a;
  }

  /**
   * The values whose distinct combinations a DISTINCT aggregate reads, with its FILTER folded in:
   * a row the filter skips contributes NULLs, which every DISTINCT aggregate ignores.
   * {@code count(DISTINCT x) FILTER (WHERE f)} reads {@code CASE WHEN f THEN x ELSE NULL END}.
   */
  static List<Expr> of(AggregateCall c) {
    if (c.filter() == null) return c.args();
    List<Expr> out = new ArrayList<>();
    for (Expr x : c.args()) {
      out.add(new CaseWhen(List.of(c.filter()), List.of(x), Literal.nullOf(x.dataType()), x.dataType()));
    }
    return out;
  }

  /** The different sets of values the DISTINCT aggregates of {@code a} read, in order of appearance. */
  static List<List<Expr>> argSets(Aggregate a) {
    List<List<Expr>> out = new ArrayList<>();
    for (NamedAggregate n : a.aggregates()) {
      if (!n.call().distinct()) continue;
      List<Expr> set = canonical(of(n.call()));
      if (!out.contains(set)) out.add(set);
    }
    return out;
  }

  static List<Expr> canonical(List<Expr> es) { return es.stream().map(DistinctArgs::canonical).toList(); }

  /** {@code e} with every attribute reduced to its id and type, so equal columns compare equal. */
  static Expr canonical(Expr e) {
    return e.transformUp(n -> n instanceof AttributeRef r ? new AttributeRef("", r.type(), false, r.id()) : n);
  }
}
