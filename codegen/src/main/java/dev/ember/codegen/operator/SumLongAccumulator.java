package dev.ember.codegen.operator;

import dev.ember.catalyst.errors.EmberException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/** sum of integers as BIGINT; NULL until the first value; overflow is an error (ANSI). */
public final class SumLongAccumulator extends Accumulator {
  private final BigIntVector vector;

  public SumLongAccumulator(String name, BufferAllocator allocator) {
    vector = new BigIntVector(name, allocator);
    vector.allocateNew(1024);
  }

  @Override public FieldVector vector() { return vector; }

  @Override public void initGroup(int g) {
    while (vector.getValueCapacity() <= g) vector.reAlloc();
  }

  @Override public void updateLong(int g, long v) {
    if (vector.isNull(g)) {
      vector.set(g, v);
    } else {
      try {
        vector.set(g, Math.addExact(vector.get(g), v));
      } catch (ArithmeticException e) {
        throw new EmberException(EmberException.NUMERIC_OUT_OF_RANGE, "BIGINT overflow in sum()");
      }
    }
  }

  @Override public void updateBoxed(int g, Object v) { updateLong(g, ((Number) v).longValue()); }
}
