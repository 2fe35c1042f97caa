package dev.ember.codegen.operator;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/** sum of floating-point values as DOUBLE; NULL until the first value. */
public final class SumDoubleAccumulator extends Accumulator {
  private final Float8Vector vector;

  public SumDoubleAccumulator(String name, BufferAllocator allocator) {
    vector = new Float8Vector(name, allocator);
    vector.allocateNew(1024);
  }

  @Override public FieldVector vector() { return vector; }

  @Override public void initGroup(int g) {
    while (vector.getValueCapacity() <= g) vector.reAlloc();
  }

  @Override public void updateDouble(int g, double v) {
    vector.set(g, vector.isNull(g) ? v : vector.get(g) + v);
  }

  @Override public void updateBoxed(int g, Object v) { updateDouble(g, ((Number) v).doubleValue()); }
}
