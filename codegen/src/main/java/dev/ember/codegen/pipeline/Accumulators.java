package dev.ember.codegen.pipeline;

import dev.ember.codegen.operator.Accumulator;
import dev.ember.codegen.operator.BoxedAccumulator;
import dev.ember.codegen.operator.CollectAccumulator;
import dev.ember.planner.physical.AggregateBuffers;
import dev.ember.codegen.operator.CountAccumulator;
import dev.ember.codegen.operator.SumDecimalAccumulator;
import dev.ember.codegen.operator.SumDoubleAccumulator;
import dev.ember.codegen.operator.SumLongAccumulator;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** Which {@link Accumulator} class serves an update: one place, used by the generator and the runtime. */
public final class Accumulators {
  private Accumulators() {}

  public static Class<? extends Accumulator> classFor(PipelineSpec.Update u) {
    return switch (u.kind()) {
      case COUNT_ROWS, COUNT_VALUES -> CountAccumulator.class;
      case SUM -> switch (u.bufferType().id()) {
        case DECIMAL -> SumDecimalAccumulator.class;
        case DOUBLE, FLOAT -> SumDoubleAccumulator.class;
        default -> SumLongAccumulator.class;
      };
      case MIN, MAX, ANY -> BoxedAccumulator.class;
      case COLLECT_LIST, COLLECT_SET -> CollectAccumulator.class;
    };
  }

  public static Accumulator create(PipelineSpec.Update u, String name, BufferAllocator allocator) {
    Class<? extends Accumulator> c = classFor(u);
    if (c == CountAccumulator.class) return new CountAccumulator(name, allocator);
    if (c == SumDecimalAccumulator.class) return new SumDecimalAccumulator(name, u.bufferType(), allocator);
    if (c == SumDoubleAccumulator.class) return new SumDoubleAccumulator(name, allocator);
    if (c == SumLongAccumulator.class) return new SumLongAccumulator(name, allocator);
    if (c == CollectAccumulator.class) {
      return new CollectAccumulator(name, u.bufferType(), u.kind() == AggregateBuffers.Kind.COLLECT_SET, u.merge(), allocator);
    }
    BoxedAccumulator.Mode mode = switch (u.kind()) {
      case MIN -> BoxedAccumulator.Mode.MIN;
      case MAX -> BoxedAccumulator.Mode.MAX;
      default -> BoxedAccumulator.Mode.ANY;
    };
    return new BoxedAccumulator(name, u.bufferType(), mode, allocator);
  }

  /** One accumulator per update of the sink, closing what was made if one fails. */
  public static List<Accumulator> createAll(PipelineSpec.AggregateSink sink, BufferAllocator allocator) {
    List<Accumulator> out = new ArrayList<>();
    try {
      for (int i = 0; i < sink.updates().size(); i++) out.add(create(sink.updates().get(i), "acc" + i, allocator));
    } catch (RuntimeException e) {
      out.forEach(Accumulator::close);
      throw e;
    }
    return out;
  }
}
