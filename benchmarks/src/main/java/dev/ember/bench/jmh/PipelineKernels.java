package dev.ember.bench.jmh;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.expr.DecimalRules;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.catalyst.types.DataType;
import dev.ember.codegen.operator.AggHashTable;
import dev.ember.codegen.pipeline.Accumulators;
import dev.ember.codegen.pipeline.Pipeline;
import dev.ember.codegen.pipeline.PipelineFactory;
import dev.ember.codegen.pipeline.PipelineResources;
import dev.ember.codegen.pipeline.PipelineSpec;
import dev.ember.planner.physical.AggregateBuffers.Kind;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** Builders of the generated pipelines the kernel benchmarks run, as the task planner would make them. */
final class PipelineKernels {
  static final QueryClock CLOCK = QueryClock.now();

  private PipelineKernels() {}

  static BoundRef ref(int i) {
    return new BoundRef(i, KernelData.COLUMNS.get(i).type(), KernelData.COLUMNS.get(i).nullable());
  }

  /** {@code price * (1 - discount) * (1 + tax)}: Q1's wide-decimal charge. */
  static Expr charge() {
    DataType dec = KernelData.DEC;
    Expr one = new Literal(100L, dec);
    Expr oneMinus = new BinaryOp(BinaryOp.Op.SUBTRACT, one, ref(2), DecimalRules.subtract(dec, dec));
    Expr onePlus = new BinaryOp(BinaryOp.Op.ADD, one, ref(3), DecimalRules.add(dec, dec));
    Expr disc = new BinaryOp(BinaryOp.Op.MULTIPLY, ref(1), oneMinus, DecimalRules.multiply(dec, oneMinus.dataType()));
    return new BinaryOp(BinaryOp.Op.MULTIPLY, disc, onePlus, DecimalRules.multiply(disc.dataType(), onePlus.dataType()));
  }

  /** {@code SELECT key, count(*), sum(price), sum(charge) ... GROUP BY key} over the kernel batch. */
  static PipelineSpec.AggregateSink aggregation(Expr key) {
    List<PipelineSpec.Update> updates = List.of(
        new PipelineSpec.Update(Kind.COUNT_ROWS, null, null, DataType.BIGINT, false),
        new PipelineSpec.Update(Kind.SUM, ref(1), null, DecimalRules.sum(KernelData.DEC), false),
        new PipelineSpec.Update(Kind.SUM, charge(), null, DecimalRules.sum(charge().dataType()), false));
    return new PipelineSpec.AggregateSink(key == null ? List.of() : List.of(key), updates);
  }

  /** A fresh table and generated pipeline for {@code sink}; the caller closes the table. */
  static Pipeline aggregate(PipelineSpec.AggregateSink sink, AggHashTable table) {
    PipelineSpec spec = new PipelineSpec("bench_agg", KernelData.COLUMNS, List.of(), sink);
    return PipelineFactory.create(spec, new PipelineResources(List.of(), null, table), true, CLOCK);
  }

  static AggHashTable table(PipelineSpec.AggregateSink sink, BufferAllocator allocator) {
    return new AggHashTable(sink.keys().stream().map(Expr::dataType).toList(), Accumulators.createAll(sink, allocator),
        allocator);
  }
}
