package dev.ember.sql.convert;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AggregateCall;
import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.NamedAggregate;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.plan.logical.Union;
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code INTERSECT} and {@code EXCEPT} (DISTINCT) as one aggregation over the union of their
 * inputs, each row tagged with the input it came from. Grouping treats NULLs as equal, which is
 * exactly the set semantics these operators need (unlike a join on {@code =}).
 * <pre>
 * a INTERSECT b            Project [x]
 *                    =>      Filter [((in0 > 0) AND (in1 > 0))]        (EXCEPT: in0 > 0 AND in1 = 0)
 *                              Aggregate [x] [sum(tag0) AS in0, sum(tag1) AS in1]
 *                                Union
 *                                  Project [x, 1 AS tag0, 0 AS tag1]  (a)
 *                                  Project [x, 0 AS tag0, 1 AS tag1]  (b)
 * </pre>
 * The ALL forms need each row repeated a computed number of times, which Ember cannot do yet.
 */
final class SetOperations {
  private SetOperations() {}

  /** Rows in every input ({@code intersect}) or in the first and in none of the others. */
  static LogicalPlan intersectOrExcept(List<LogicalPlan> inputs, boolean intersect, boolean all) {
    if (all) throw EmberException.notSupported(intersect ? "INTERSECT ALL" : "EXCEPT ALL");
    int n = inputs.size();
    List<LogicalPlan> tagged = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<NamedExpr> items = new ArrayList<>(inputs.get(i).output());
      for (int k = 0; k < n; k++) items.add(Alias.of(Literal.ofLong(i == k ? 1 : 0), "tag" + k));
      tagged.add(new Project(items, inputs.get(i)));
    }
    Union union = new Union(tagged);
    List<AttributeRef> out = union.output();
    int columns = inputs.get(0).output().size();
    List<NamedExpr> groups = new ArrayList<>(out.subList(0, columns));
    List<NamedAggregate> counts = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      AggregateCall sum = new AggregateCall(AggregateCall.AggFn.SUM, List.of(out.get(columns + k)), false, null,
          DataType.BIGINT);
      counts.add(NamedAggregate.of(sum, "in" + k));
    }
    Aggregate aggregate = new Aggregate(groups, counts, union);
    List<Expr> conditions = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      boolean present = intersect || k == 0;
      conditions.add(BinaryOp.predicate(present ? BinaryOp.Op.GT : BinaryOp.Op.EQ, counts.get(k).toAttribute(),
          Literal.ofLong(0)));
    }
    Filter filter = new Filter(Predicates.and(conditions), aggregate);
    return new Project(new ArrayList<>(groups), filter);
  }
}
