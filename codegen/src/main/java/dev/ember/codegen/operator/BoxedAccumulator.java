package dev.ember.codegen.operator;

import dev.ember.catalyst.types.DataType;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * min, max or any value of a group, for any type, through boxed values. Values are kept on the
 * heap while groups are updated (variable-width Arrow vectors cannot be overwritten in place)
 * and written to a vector once, when the result is read.
 */
public final class BoxedAccumulator extends Accumulator {
  /** Which value is kept. */
  public enum Mode { MIN, MAX, ANY }

  private final String name;
  private final DataType type;
  private final Mode mode;
  private final BufferAllocator allocator;
  private Object[] values = new Object[1024];
  private int groups;
  private FieldVector vector;

  public BoxedAccumulator(String name, DataType type, Mode mode, BufferAllocator allocator) {
    this.name = name;
    this.type = type;
    this.mode = mode;
    this.allocator = allocator;
  }

  /** The values of all groups; no updates may follow. */
  @Override public FieldVector vector() {
    if (vector == null) {
      vector = new FieldType(true, ArrowTypes.arrowType(type), null).createNewSingleVector(name, allocator, null);
      vector.setInitialCapacity(Math.max(groups, 1));
      vector.allocateNew();
      for (int g = 0; g < groups; g++) ArrowValues.set(vector, g, type, values[g]);
      vector.setValueCount(groups);
    }
    return vector;
  }

  @Override public void initGroup(int g) {
    if (g >= values.length) values = Arrays.copyOf(values, Math.max(values.length * 2, g + 1));
    groups = Math.max(groups, g + 1);
  }

  @Override public void updateObject(int g, Object v) { updateBoxed(g, v); }

  @Override public void updateBoxed(int g, Object v) {
    Object cur = values[g];
    if (cur == null) {
      values[g] = v;
    } else if (mode != Mode.ANY) {
      int c = compare(v, cur);
      if (mode == Mode.MIN ? c < 0 : c > 0) values[g] = v;
    }
  }

  /** Orders two non-null boxed values of the same type. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (a instanceof byte[] x) return Arrays.compareUnsigned(x, (byte[]) b);
    return ((Comparable) a).compareTo(b);
  }

  /** References plus about 40 bytes per boxed value (more for strings is not counted exactly). */
  @Override public long memoryBytes() {
    return 8L * values.length + 40L * groups + (vector == null ? 0 : bufferBytes(vector));
  }

  @Override public int capacity() { return values.length; }

  @Override public void reset() {
    if (vector != null) vector.close();
    vector = null;
    values = new Object[1024];
    groups = 0;
  }

  @Override public void close() {
    if (vector != null) vector.close();
    values = null;
  }
}
