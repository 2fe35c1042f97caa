package dev.ember.codegen.pipeline;

import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.eval.Interpreter;
import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.codegen.operator.AggHashTable;
import dev.ember.codegen.operator.BatchBuilder;
import dev.ember.codegen.operator.BoxedAccumulator;
import dev.ember.codegen.operator.Hashing;
import dev.ember.codegen.operator.JoinHashTable;
import dev.ember.codegen.pipeline.PipelineSpec.Column;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs a {@link PipelineSpec} row by row with the expression interpreter on boxed values: the
 * reference semantics, and the fallback for whatever code generation does not cover. It uses the
 * same join and aggregation tables (and hash function) as generated code, so the two can be
 * mixed within one query.
 */
public final class InterpretedPipeline implements Pipeline {
  private final PipelineSpec spec;
  private final PipelineResources resources;
  private final List<List<Column>> layouts;
  private final long[] limitCounts;
  private final QueryClock clock;
  private boolean done;

  public InterpretedPipeline(PipelineSpec spec, PipelineResources resources, QueryClock clock) {
    this.spec = spec;
    this.clock = clock;
    this.resources = resources;
    this.layouts = spec.layouts();
    this.limitCounts = new long[spec.steps().size()];
  }

  @Override public boolean generated() { return false; }

  @Override public boolean done() { return done; }

  @Override public void process(VectorSchemaRoot batch) {
    int n = batch.getRowCount();
    List<Column> in = spec.input();
    FieldVector[] vectors = new FieldVector[in.size()];
    for (int c = 0; c < vectors.length; c++) vectors[c] = batch.getVector(c);
    for (int r = 0; r < n && !done; r++) {
      Object[] row = new Object[in.size()];
      for (int c = 0; c < row.length; c++) row[c] = ArrowValues.get(vectors[c], r, in.get(c).type());
      run(0, row);
    }
  }

  private void run(int stepIndex, Object[] row) {
    if (done) return;
    if (stepIndex == spec.steps().size()) {
      sink(row);
      return;
    }
    PipelineSpec.Step step = spec.steps().get(stepIndex);
    if (step instanceof PipelineSpec.FilterStep f) {
      if (isTrue(eval(f.condition(), row))) run(stepIndex + 1, row);
    } else if (step instanceof PipelineSpec.ProjectStep p) {
      Object[] next = new Object[p.exprs().size()];
      for (int i = 0; i < next.length; i++) next[i] = eval(p.exprs().get(i), row);
      run(stepIndex + 1, next);
    } else if (step instanceof PipelineSpec.LimitStep l) {
      if (++limitCounts[stepIndex] > l.limit()) {
        done = true;
        return;
      }
      run(stepIndex + 1, row);
      if (limitCounts[stepIndex] >= l.limit()) done = true;
    } else if (step instanceof PipelineSpec.ProbeStep p) {
      probe(stepIndex, p, row);
    }
  }

  private void probe(int stepIndex, PipelineSpec.ProbeStep p, Object[] row) {
    JoinHashTable table = resources.joinTables().get(p.table());
    Object[] keys = new Object[p.keys().size()];
    boolean nullKey = false;
    int h = Hashing.SEED;
    for (int i = 0; i < keys.length; i++) {
      Expr k = p.keys().get(i);
      keys[i] = eval(k, row);
      nullKey |= keys[i] == null;
      h = Hashing.combine(h, Hashing.hashBoxed(keys[i], k.dataType()));
    }
    h = Hashing.finish(h);
    boolean matched = false;
    int nbuild = p.build().size();
    if (!nullKey) {
      for (int e = table.first(h); e >= 0 && !done; e = table.next(e)) {
        if (table.hashAt(e) != h) continue;
        int b = table.batchAt(e), r = table.rowAt(e);
        if (!keysMatch(table, p, keys, b, r)) continue;
        Object[] joined = new Object[row.length + nbuild];
        System.arraycopy(row, 0, joined, 0, row.length);
        for (int c = 0; c < nbuild; c++) {
          joined[row.length + c] = ArrowValues.get(table.column(c)[b], r, p.build().get(c).type());
        }
        if (p.residual() != null && !isTrue(eval(p.residual(), joined))) continue;
        matched = true;
        if (p.joinType() == JoinType.LEFT_SEMI || p.joinType() == JoinType.LEFT_ANTI) break;
        run(stepIndex + 1, joined);
      }
    }
    switch (p.joinType()) {
      case LEFT_SEMI -> { if (matched) run(stepIndex + 1, row); }
      case LEFT_ANTI -> { if (!matched) run(stepIndex + 1, row); }
      case LEFT -> {
        if (!matched) {
          Object[] joined = new Object[row.length + nbuild];
          System.arraycopy(row, 0, joined, 0, row.length);
          run(stepIndex + 1, joined);
        }
      }
      default -> { }
    }
  }

  private static boolean keysMatch(JoinHashTable table, PipelineSpec.ProbeStep p, Object[] keys, int b, int r) {
    for (int i = 0; i < keys.length; i++) {
      int c = p.buildKeyColumns().get(i);
      Object v = ArrowValues.get(table.column(c)[b], r, table.type(c));
      if (v == null || BoxedAccumulator.compare(keys[i], v) != 0) return false;
    }
    return true;
  }

  private void sink(Object[] row) {
    if (spec.sink() instanceof PipelineSpec.OutputSink) {
      BatchBuilder out = resources.output();
      List<Column> layout = layouts.get(layouts.size() - 1);
      int r = out.row();
      for (int c = 0; c < row.length; c++) ArrowValues.set(out.vector(c), r, layout.get(c).type(), row[c]);
      out.rowDone();
    } else if (spec.sink() instanceof PipelineSpec.AggregateSink agg) {
      aggregate(agg, row);
    }
  }

  private void aggregate(PipelineSpec.AggregateSink agg, Object[] row) {
    AggHashTable table = resources.aggregation();
    Object[] keys = new Object[agg.keys().size()];
    int g = 0;
    if (keys.length > 0) {
      int h = Hashing.SEED;
      for (int i = 0; i < keys.length; i++) {
        keys[i] = eval(agg.keys().get(i), row);
        h = Hashing.combine(h, Hashing.hashBoxed(keys[i], agg.keys().get(i).dataType()));
      }
      h = Hashing.finish(h);
      int slot = table.probeStart(h);
      while (true) {
        g = table.groupAt(slot);
        if (g < 0) {
          g = table.insert(slot, h);
          table.writeKeys(g, keys);
          break;
        }
        if (table.hashAt(slot) == h && table.keysEqual(g, keys)) break;
        slot = table.nextSlot(slot);
      }
    }
    for (int i = 0; i < agg.updates().size(); i++) {
      PipelineSpec.Update u = agg.updates().get(i);
      if (u.filter() != null && !isTrue(eval(u.filter(), row))) continue;
      var acc = table.accumulator(i);
      switch (u.kind()) {
        case COUNT_ROWS, COUNT_VALUES -> {
          Object v = u.input() == null ? null : eval(u.input(), row);
          if (u.merge()) {
            if (v != null) acc.add(g, (Long) v);
          } else if (u.input() == null || v != null) {
            acc.add(g, 1);
          }
        }
        default -> {
          Object v = eval(u.input(), row);
          if (v != null) acc.updateBoxed(g, v);
        }
      }
    }
  }

  private Object eval(Expr e, Object[] row) { return Interpreter.eval(e, row, clock); }

  private static boolean isTrue(Object v) { return v instanceof Boolean b && b; }
}
