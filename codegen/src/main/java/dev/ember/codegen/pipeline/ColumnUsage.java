package dev.ember.codegen.pipeline;

import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.expr.Expr;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which columns of each row layout of a pipeline are read downstream, so generated code reads
 * (from vectors) and computes only those: {@code atStep(i)} is the set for the input of step i
 * ({@code atStep(steps.size())} for the sink), {@code buildColumns(i)} the build columns a probe
 * step must read.
 */
final class ColumnUsage {
  private final BitSet[] used;
  private final BitSet[] build;

  private ColumnUsage(BitSet[] used, BitSet[] build) {
    this.used = used;
    this.build = build;
  }

  static ColumnUsage of(PipelineSpec spec) {
    List<PipelineSpec.Step> steps = spec.steps();
    List<List<PipelineSpec.Column>> layouts = spec.layouts();
    BitSet[] used = new BitSet[steps.size() + 1];
    BitSet[] build = new BitSet[steps.size()];
    BitSet cur = new BitSet();
    if (spec.sink() instanceof PipelineSpec.OutputSink) {
      cur.set(0, layouts.get(steps.size()).size());
    } else if (spec.sink() instanceof PipelineSpec.AggregateSink a) {
      a.keys().forEach(k -> refs(k, cur));
      for (PipelineSpec.Update u : a.updates()) {
        if (u.input() != null) refs(u.input(), cur);
        if (u.filter() != null) refs(u.filter(), cur);
      }
    }
    used[steps.size()] = cur;
    for (int i = steps.size() - 1; i >= 0; i--) {
      PipelineSpec.Step s = steps.get(i);
      BitSet down = used[i + 1];
      BitSet in = new BitSet();
      int inSize = layouts.get(i).size();
      if (s instanceof PipelineSpec.FilterStep f) {
        in.or(down);
        refs(f.condition(), in);
      } else if (s instanceof PipelineSpec.ProjectStep p) {
        for (int o = down.nextSetBit(0); o >= 0; o = down.nextSetBit(o + 1)) refs(p.exprs().get(o), in);
      } else if (s instanceof PipelineSpec.LimitStep) {
        in.or(down);
      } else if (s instanceof PipelineSpec.ProbeStep p) {
        BitSet b = new BitSet();
        for (int o = down.nextSetBit(0); o >= 0; o = down.nextSetBit(o + 1)) {
          if (o < inSize) in.set(o); else b.set(o - inSize);
        }
        p.keys().forEach(k -> refs(k, in));
        if (p.residual() != null) {
          BitSet r = new BitSet();
          refs(p.residual(), r);
          for (int o = r.nextSetBit(0); o >= 0; o = r.nextSetBit(o + 1)) {
            if (o < inSize) in.set(o); else b.set(o - inSize);
          }
        }
        build[i] = b;
      }
      used[i] = in;
    }
    return new ColumnUsage(used, build);
  }

  private static void refs(Expr e, BitSet out) {
    e.foreach(n -> {
      if (n instanceof BoundRef b) out.set(b.ordinal());
    });
  }

  BitSet atStep(int i) { return used[i]; }

  BitSet buildColumns(int i) { return build[i]; }

  static List<Integer> list(BitSet s) {
    List<Integer> out = new ArrayList<>();
    for (int i = s.nextSetBit(0); i >= 0; i = s.nextSetBit(i + 1)) out.add(i);
    return out;
  }
}
