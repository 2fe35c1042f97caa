package dev.ember.codegen.operator;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Per-group aggregation state held in an Arrow vector indexed by group id. Generated code calls
 * the typed update method that fits the input (one concrete class per call site, so the JIT
 * inlines it); the interpreter calls {@link #updateBoxed}.
 */
public abstract class Accumulator implements AutoCloseable {
  /** The vector holding one buffer value per group. */
  public abstract FieldVector vector();

  /** Makes room for groups {@code 0..groupId} and initialises the new group. */
  public abstract void initGroup(int groupId);

  public void updateLong(int g, long v) { throw unsupported("long"); }

  public void updateDouble(int g, double v) { throw unsupported("double"); }

  public void updateObject(int g, Object v) { throw unsupported("object"); }

  /** Adds {@code n} to a count. */
  public void add(int g, long n) { throw unsupported("count"); }

  /** Updates from a boxed non-null input value. */
  public abstract void updateBoxed(int g, Object v);

  private UnsupportedOperationException unsupported(String what) {
    return new UnsupportedOperationException(getClass().getSimpleName() + " takes no " + what + " input");
  }

  /** Bytes held (off-heap buffers and, for boxed state, an estimate of the heap), for memory reservations. */
  public long memoryBytes() { return bufferBytes(vector()); }

  /** Groups the state has room for before it must grow. */
  public int capacity() { return vector().getValueCapacity(); }

  /** Drops every group and frees the memory (after a spill); the accumulator is then used again from group 0. */
  public void reset() {
    FieldVector v = vector();
    v.clear();
    v.setInitialCapacity(1024);
    v.allocateNew();
  }

  /** Capacity of a vector's buffers. */
  public static long bufferBytes(FieldVector v) {
    long n = 0;
    for (org.apache.arrow.memory.ArrowBuf b : v.getBuffers(false)) n += b.capacity();
    return n;
  }

  /** Capacity of a batch's buffers, all columns. */
  public static long bufferBytes(VectorSchemaRoot batch) {
    long n = 0;
    for (FieldVector v : batch.getFieldVectors()) n += bufferBytes(v);
    return n;
  }

  @Override public void close() { vector().close(); }
}
