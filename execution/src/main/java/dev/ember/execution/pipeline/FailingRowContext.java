package dev.ember.execution.pipeline;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.eval.Casts;
import dev.ember.codegen.pipeline.Pipeline;
import dev.ember.codegen.pipeline.PipelineSpec;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Adds the failing column to a cast error raised inside a pipeline: the generated code knows
 * the value that did not convert ({@code invalid input syntax for type INTEGER: "abc"}) but not
 * where it came from. On such an error this finds the casts of input columns in the pipeline's
 * leading steps, the row of the batch whose value fails the same way, and names its column
 * ({@code … in column o_comment}). Costs nothing until a batch fails.
 */
final class FailingRowContext implements Pipeline {
  private final Pipeline inner;
  private final List<PipelineSpec.Step> steps;
  private final List<AttributeRef> input;

  private FailingRowContext(Pipeline inner, List<PipelineSpec.Step> steps, List<AttributeRef> input) {
    this.inner = inner;
    this.steps = steps;
    this.input = input;
  }

  /** {@code pipeline} whose cast errors name their column; {@code input} is the layout of its input batches. */
  static Pipeline wrap(Pipeline pipeline, List<PipelineSpec.Step> steps, List<AttributeRef> input) {
    return new FailingRowContext(pipeline, steps, input);
  }

  @Override public void process(VectorSchemaRoot batch) {
    try {
      inner.process(batch);
    } catch (EmberException e) {
      if (!e.sqlState().equals(EmberException.INVALID_TEXT_REPRESENTATION)
          && !e.sqlState().equals(EmberException.NUMERIC_OUT_OF_RANGE)) {
        throw e;
      }
      String column = failingColumn(e, batch);
      if (column == null) throw e;
      throw new EmberException(e.sqlState(), e.getMessage() + " in column " + column, e);
    }
  }

  /** The input column one of whose values fails a cast with {@code e}'s SQLSTATE (its value named in the message first). */
  private String failingColumn(EmberException e, VectorSchemaRoot batch) {
    String fallback = null;
    for (Cast c : inputCasts()) {
      BoundRef ref = (BoundRef) c.child();
      for (int r = 0; r < batch.getRowCount(); r++) {
        Object v = ArrowValues.get(batch.getVector(ref.ordinal()), r, ref.type());
        if (v == null) continue;
        try {
          Casts.cast(v, ref.type(), c.type());
        } catch (EmberException failed) {
          if (!failed.sqlState().equals(e.sqlState())) continue;
          String name = input.get(ref.ordinal()).name();
          if (e.getMessage().equals(failed.getMessage())) return name;
          if (fallback == null) fallback = name;
        } catch (RuntimeException other) {
          // not this cast's kind of failure
        }
      }
    }
    return fallback;
  }

  /** Casts of input columns in the steps that still see the input's layout (up to the first projection). */
  private List<Cast> inputCasts() {
    List<Cast> out = new ArrayList<>();
    for (PipelineSpec.Step s : steps) {
      List<Expr> exprs = new ArrayList<>();
      if (s instanceof PipelineSpec.FilterStep f) exprs.add(f.condition());
      else if (s instanceof PipelineSpec.ProjectStep p) exprs.addAll(p.exprs());
      else if (s instanceof PipelineSpec.ProbeStep p) exprs.addAll(p.keys());
      for (Expr e : exprs) {
        e.foreach(x -> {
          if (x instanceof Cast c && c.child() instanceof BoundRef r && r.ordinal() < input.size()) out.add(c);
        });
      }
      if (s instanceof PipelineSpec.ProjectStep) break; // later steps see the projection's columns
    }
    return out;
  }

  @Override public boolean done() { return inner.done(); }

  @Override public boolean generated() { return inner.generated(); }
}
