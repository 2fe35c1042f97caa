package dev.ember.codegen.operator;

import dev.ember.catalyst.types.DataType;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * collect_list / collect_set of a group: its non-null input values kept on the heap, in the order
 * they arrive, and written to a list vector once, when the result is read. A group that saw no
 * value gets an empty array. As a merge (FINAL aggregate) the inputs are other groups' arrays,
 * appended element by element. A set keeps the first of equal values (Java equality of Ember's
 * boxed values: VARBINARY elements are compared by content through a wrapper).
 */
public final class CollectAccumulator extends Accumulator {
  private final String name;
  private final DataType arrayType;
  private final boolean distinct;
  private final boolean merge;
  private final BufferAllocator allocator;
  private Object[] groups = new Object[1024];
  private int count;
  private long elements;
  private FieldVector vector;

  /**
   * @param arrayType the result type, {@code ARRAY<T>}
   * @param distinct collect_set: drop repeated values
   * @param merge the inputs are arrays to append, not values
   */
  public CollectAccumulator(String name, DataType arrayType, boolean distinct, boolean merge, BufferAllocator allocator) {
    if (!arrayType.isArray()) throw new IllegalArgumentException("collect needs an ARRAY type, got " + arrayType);
    this.name = name;
    this.arrayType = arrayType;
    this.distinct = distinct;
    this.merge = merge;
    this.allocator = allocator;
  }

  @Override public FieldVector vector() {
    if (vector == null) {
      ListVector v = (ListVector) ArrowTypes.newVector(name, arrayType, allocator);
      vector = v;
      v.setInitialCapacity(Math.max(count, 1));
      v.allocateNew();
      for (int g = 0; g < count; g++) ArrowValues.setList(v, g, arrayType.elementType(), values(g));
      v.setValueCount(count);
    }
    return vector;
  }

  private List<Object> values(int g) {
    Object state = groups[g];
    if (state == null) return List.of();
    if (!distinct) return Collections.unmodifiableList((ArrayList<?>) state);
    List<Object> out = new ArrayList<>();
    for (Object k : (LinkedHashSet<?>) state) out.add(k instanceof BytesKey b ? b.bytes : k);
    return out;
  }

  @Override public void initGroup(int g) {
    if (g >= groups.length) groups = Arrays.copyOf(groups, Math.max(groups.length * 2, g + 1));
    count = Math.max(count, g + 1);
  }

  @Override public void updateObject(int g, Object v) { updateBoxed(g, v); }

  @Override public void updateBoxed(int g, Object v) {
    if (merge) {
      for (Object e : (List<?>) v) if (e != null) add(g, e);
    } else {
      add(g, v);
    }
  }

  @SuppressWarnings("unchecked")
  private void add(int g, Object v) {
    elements++;
    Object state = groups[g];
    if (distinct) {
      if (state == null) groups[g] = state = new LinkedHashSet<>();
      ((LinkedHashSet<Object>) state).add(v instanceof byte[] b ? new BytesKey(b) : v);
    } else {
      if (state == null) groups[g] = state = new ArrayList<>();
      ((ArrayList<Object>) state).add(v);
    }
  }

  /** A byte array compared by content, for sets. */
  private record BytesKey(byte[] bytes) {
    @Override public boolean equals(Object o) { return o instanceof BytesKey k && Arrays.equals(bytes, k.bytes); }

    @Override public int hashCode() { return Arrays.hashCode(bytes); }
  }

  /** References, about 64 bytes per group's list and 40 per element held (an estimate, as for boxed state). */
  @Override public long memoryBytes() {
    return 8L * groups.length + 64L * count + 40L * elements + (vector == null ? 0 : bufferBytes(vector));
  }

  @Override public int capacity() { return groups.length; }

  @Override public void reset() {
    if (vector != null) vector.close();
    vector = null;
    groups = new Object[1024];
    count = 0;
    elements = 0;
  }

  @Override public void close() {
    if (vector != null) vector.close();
    groups = null;
  }
}
