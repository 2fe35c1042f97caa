package dev.ember.codegen.operator;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/** A count: starts at 0 for every group, never NULL. Counts rows, values, or (merging) counts. */
public final class CountAccumulator extends Accumulator {
  private final BigIntVector vector;

  public CountAccumulator(String name, BufferAllocator allocator) {
    vector = new BigIntVector(name, allocator);
    vector.allocateNew(1024);
  }

  @Override public FieldVector vector() { return vector; }

  @Override public void initGroup(int g) { vector.setSafe(g, 0L); }

  @Override public void add(int g, long n) { vector.set(g, vector.get(g) + n); }

  /** Merging partial counts. */
  @Override public void updateLong(int g, long v) { add(g, v); }

  @Override public void updateBoxed(int g, Object v) { add(g, ((Number) v).longValue()); }
}
