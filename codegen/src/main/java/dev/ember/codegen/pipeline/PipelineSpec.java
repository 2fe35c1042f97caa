package dev.ember.codegen.pipeline;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.types.DataType;
import dev.ember.planner.physical.AggregateBuffers;
import java.util.ArrayList;
import java.util.List;

/**
 * What one pipeline does to each row of its input batches, independent of how it runs (generated
 * or interpreted). Rows flow through {@code steps} and end in the {@code sink}. Each step's
 * expressions are bound ({@link dev.ember.catalyst.expr.BoundRef}) to the row layout at that step:
 * the input columns, replaced by a Project's expressions, extended by a join's build columns.
 *
 * @param inputTypes the types of the input batch's columns, in order
 */
public record PipelineSpec(String name, List<Column> input, List<Step> steps, Sink sink) {
  public PipelineSpec {
    requireNonNull(name);
    input = List.copyOf(input);
    steps = List.copyOf(steps);
    requireNonNull(sink);
  }

  /** A column of a row layout. */
  public record Column(DataType type, boolean nullable) {}

  /** A fused operator. */
  public sealed interface Step {}

  /** Keeps rows whose condition is TRUE. */
  public record FilterStep(Expr condition) implements Step {}

  /** Replaces the row by these expressions' values. */
  public record ProjectStep(List<Expr> exprs) implements Step {
    public ProjectStep { exprs = List.copyOf(exprs); }
  }

  /**
   * Probes join table {@code table} with {@code keys}; for INNER and LEFT the row is extended by
   * the build side's columns ({@code build}); SEMI/ANTI keep the row as it is. {@code residual}
   * (bound to row ++ build columns, or null) must hold for a pair to match.
   */
  public record ProbeStep(JoinType joinType, int table, List<Expr> keys, List<Integer> buildKeyColumns,
      List<Column> build, Expr residual) implements Step {
    public ProbeStep {
      keys = List.copyOf(keys);
      buildKeyColumns = List.copyOf(buildKeyColumns);
      build = List.copyOf(build);
    }
  }

  /** Passes at most {@code limit} rows, then ends the pipeline. */
  public record LimitStep(long limit) implements Step {}

  /** Where rows end. */
  public sealed interface Sink {}

  /** Appends every column of the row to the output batches. */
  public record OutputSink() implements Sink {}

  /**
   * Updates an aggregation table: groups by {@code keys}, and per group updates one accumulator
   * per {@link Update}.
   */
  public record AggregateSink(List<Expr> keys, List<Update> updates) implements Sink {
    public AggregateSink { keys = List.copyOf(keys); updates = List.copyOf(updates); }
  }

  /**
   * One accumulator update: {@code kind} with the value of {@code input} (null for count(*)),
   * only for rows where {@code filter} (null: all rows) is TRUE; the accumulator's type is
   * {@code bufferType}. For a merge, COUNT kinds add the input's value instead of 1.
   */
  public record Update(AggregateBuffers.Kind kind, Expr input, Expr filter, DataType bufferType, boolean merge) {}

  /** The layout after each step: index i is the input of step i; the last is the sink's input. */
  public List<List<Column>> layouts() {
    List<List<Column>> out = new ArrayList<>();
    List<Column> cur = input;
    out.add(cur);
    for (Step s : steps) {
      if (s instanceof ProjectStep p) {
        cur = p.exprs().stream().map(e -> new Column(e.dataType(), e.nullable())).toList();
      } else if (s instanceof ProbeStep p && p.joinType().outputsRight()) {
        List<Column> next = new ArrayList<>(cur);
        for (Column c : p.build()) next.add(p.joinType() == JoinType.LEFT ? new Column(c.type(), true) : c);
        cur = next;
      }
      out.add(cur);
    }
    return out;
  }
}
