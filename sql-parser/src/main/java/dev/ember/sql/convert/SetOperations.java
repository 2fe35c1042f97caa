package dev.ember.sql.convert;

import dev.ember.catalyst.expr.AggregateCall;
import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.NamedAggregate;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.expr.NamedWindow;
import dev.ember.catalyst.expr.SortOrder;
import dev.ember.catalyst.expr.WindowFrame;
import dev.ember.catalyst.expr.WindowFunction;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Aggregate;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.plan.logical.Union;
import dev.ember.catalyst.plan.logical.Window;
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
 * The ALL forms keep multiplicities without repeating rows: a window over the same tagged union,
 * partitioned by all columns with the first input's rows first, numbers those rows 1, 2, … and
 * counts each input's copies; the first input's row number n survives when n ≤ every other
 * input's count (INTERSECT ALL: min of the counts) or n > the others' total (EXCEPT ALL).
 */
final class SetOperations {
  private SetOperations() {}

  /** Rows in every input ({@code intersect}) or in the first and in none of the others. */
  static LogicalPlan intersectOrExcept(List<LogicalPlan> inputs, boolean intersect, boolean all) {
    Union union = taggedUnion(inputs);
    if (all) return intersectOrExceptAll(union, inputs, intersect);
    int n = inputs.size();
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

  /** The inputs' rows, each with {@code tag0 … tag(n-1)}: 1 for the input it came from, else 0. */
  private static Union taggedUnion(List<LogicalPlan> inputs) {
    int n = inputs.size();
    List<LogicalPlan> tagged = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<NamedExpr> items = new ArrayList<>(inputs.get(i).output());
      for (int k = 0; k < n; k++) items.add(Alias.of(Literal.ofLong(i == k ? 1 : 0), "tag" + k));
      tagged.add(new Project(items, inputs.get(i)));
    }
    return new Union(tagged);
  }

  private static LogicalPlan intersectOrExceptAll(Union union, List<LogicalPlan> inputs, boolean intersect) {
    int n = inputs.size();
    List<AttributeRef> out = union.output();
    int columns = inputs.get(0).output().size();
    List<Expr> keys = new ArrayList<>(out.subList(0, columns));
    List<NamedWindow> functions = new ArrayList<>();
    NamedWindow rowNumber = NamedWindow.of(new WindowFunction(WindowFunction.WinFn.ROW_NUMBER, List.of(), DataType.BIGINT),
        WindowFrame.WHOLE_PARTITION, "rn");
    functions.add(rowNumber);
    List<NamedWindow> counts = new ArrayList<>();
    for (int k = 1; k < n; k++) {
      NamedWindow count = NamedWindow.of(new WindowFunction(WindowFunction.WinFn.SUM, List.of(out.get(columns + k)),
          DataType.BIGINT), WindowFrame.WHOLE_PARTITION, "in" + k);
      counts.add(count);
      functions.add(count);
    }
    // The first input's rows (tag0 = 1) sort first in each partition, so they are numbered 1, 2, ….
    Window window = new Window(functions, keys, List.of(new SortOrder(out.get(columns), false, false)), union);
    List<Expr> conditions = new ArrayList<>();
    conditions.add(BinaryOp.predicate(BinaryOp.Op.EQ, out.get(columns), Literal.ofLong(1)));
    Expr rn = rowNumber.toAttribute();
    if (intersect) {
      for (NamedWindow c : counts) conditions.add(BinaryOp.predicate(BinaryOp.Op.LE, rn, c.toAttribute()));
    } else {
      Expr others = counts.get(0).toAttribute();
      for (int k = 1; k < counts.size(); k++) {
        others = Arithmetic.build(BinaryOp.Op.ADD, others, counts.get(k).toAttribute(), DataType.BIGINT);
      }
      conditions.add(BinaryOp.predicate(BinaryOp.Op.GT, rn, others));
    }
    Filter filter = new Filter(Predicates.and(conditions), window);
    List<NamedExpr> result = new ArrayList<>();
    for (int c = 0; c < columns; c++) result.add(out.get(c));
    return new Project(result, filter);
  }
}
