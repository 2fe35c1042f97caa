package dev.ember.codegen.operator;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The hash table of a hash aggregation. Group keys live in Arrow vectors indexed by group id
 * (appended once per new group), aggregate state in {@link Accumulator}s indexed the same way;
 * the table itself is open addressing over group ids with stored hashes.
 *
 * <p>Probing protocol (generated code and the interpreter), for a key with hash {@code h}:
 * <pre>
 * int slot = t.probeStart(h);
 * while (true) {
 *   int g = t.groupAt(slot);
 *   if (g &lt; 0) { g = t.insert(slot, h); write the keys at g; break; }
 *   if (t.hashAt(slot) == h &amp;&amp; keys at g equal the key) break;
 *   slot = t.nextSlot(slot);
 * }
 * </pre>
 * NULL keys form their own group (GROUP BY semantics).
 */
public final class AggHashTable implements AutoCloseable {
  /** One column of the output: a key, an accumulator, or an average of a sum and a count. */
  public sealed interface OutputColumn {
    record Key(int index) implements OutputColumn {}

    record Acc(int index) implements OutputColumn {}

    record Average(int sumIndex, int countIndex, DataType resultType) implements OutputColumn {}

    /**
     * A variance or standard deviation from a count, a sum and a sum of squares (as doubles);
     * {@code sample} divides by n - 1 (NULL for one row), {@code sqrt} gives the deviation.
     */
    record Variance(int countIndex, int sumIndex, int sumSquaresIndex, boolean sample, boolean sqrt,
        DataType resultType) implements OutputColumn {}
  }

  private final List<DataType> keyTypes;
  private final FieldVector[] keys;
  private final Accumulator[] accumulators;
  private int[] slots;
  private int[] slotHashes;
  private int mask;
  private int[] groupHashes = new int[1024];
  private int groups;

  public AggHashTable(List<DataType> keyTypes, List<Accumulator> accumulators, BufferAllocator allocator) {
    this.keyTypes = List.copyOf(keyTypes);
    this.keys = new FieldVector[keyTypes.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = new FieldType(true, ArrowTypes.arrowType(keyTypes.get(i)), null)
          .createNewSingleVector("k" + i, allocator, null);
      keys[i].setInitialCapacity(1024);
      keys[i].allocateNew();
    }
    this.accumulators = accumulators.toArray(new Accumulator[0]);
    resize(1024);
    if (keys.length == 0) insert(probeStart(0), 0); // a global aggregate has exactly one group
  }

  public int probeStart(int hash) { return hash & mask; }

  public int nextSlot(int slot) { return (slot + 1) & mask; }

  /** The group in {@code slot}, or -1 when the slot is empty. */
  public int groupAt(int slot) { return slots[slot] - 1; }

  public int hashAt(int slot) { return slotHashes[slot]; }

  /** Creates a group in the empty {@code slot}; the caller then writes its keys. */
  public int insert(int slot, int hash) {
    int g = groups++;
    slots[slot] = g + 1;
    slotHashes[slot] = hash;
    if (g >= groupHashes.length) groupHashes = Arrays.copyOf(groupHashes, groupHashes.length * 2);
    groupHashes[g] = hash;
    for (FieldVector k : keys) {
      if (k instanceof org.apache.arrow.vector.NullVector) continue; // holds nothing to grow
      while (k.getValueCapacity() <= g) k.reAlloc();
    }
    for (Accumulator a : accumulators) a.initGroup(g);
    if (groups * 2 > slots.length) resize(slots.length * 2);
    return g;
  }

  private void resize(int capacity) {
    slots = new int[capacity];
    slotHashes = new int[capacity];
    mask = capacity - 1;
    for (int g = 0; g < groups; g++) {
      int slot = groupHashes[g] & mask;
      while (slots[slot] != 0) slot = (slot + 1) & mask;
      slots[slot] = g + 1;
      slotHashes[slot] = groupHashes[g];
    }
  }

  public FieldVector key(int i) { return keys[i]; }

  /** The hash of group {@code g}'s keys (as the probing code computed it). */
  public int groupHash(int g) { return groupHashes[g]; }

  public int keyCount() { return keys.length; }

  public int accumulatorCount() { return accumulators.length; }

  /** Bytes the table holds: key vectors and accumulators (off-heap) and its slot arrays (heap). */
  public long memoryBytes() {
    long n = 8L * slots.length + 4L * groupHashes.length;
    for (FieldVector k : keys) n += Accumulator.bufferBytes(k);
    for (Accumulator a : accumulators) n += a.memoryBytes();
    return n;
  }

  /**
   * An estimate of {@link #memoryBytes()} after {@code moreGroups} new groups: each vector or
   * array that would outgrow its capacity doubles (the old and new buffers both live while it is
   * copied), plus {@code bytesPerGroup} for each new group's variable-width data.
   */
  public long memoryBytesAfter(int moreGroups, long bytesPerGroup) {
    long after = 0;
    int target = groups + moreGroups;
    for (FieldVector k : keys) {
      long b = Accumulator.bufferBytes(k);
      after += target > k.getValueCapacity() ? 3 * b : b;
    }
    for (Accumulator a : accumulators) {
      long b = a.memoryBytes();
      after += target > a.capacity() ? 3 * b : b;
    }
    long slotBytes = 8L * slots.length;
    after += (long) target * 2 > slots.length ? 3 * slotBytes : slotBytes;
    long hashBytes = 4L * groupHashes.length;
    after += target > groupHashes.length ? 3 * hashBytes : hashBytes;
    return after + bytesPerGroup * moreGroups;
  }

  /**
   * Drops every group and frees the keys' and accumulators' memory (after the groups were
   * spilled); the table, its vectors and accumulators stay the same objects, so compiled
   * pipelines bound to them keep working.
   */
  public void reset() {
    groups = 0;
    groupHashes = new int[1024];
    slots = new int[1024];
    slotHashes = new int[1024];
    mask = 1023;
    for (FieldVector k : keys) {
      k.clear();
      k.setInitialCapacity(1024);
      k.allocateNew();
    }
    for (Accumulator a : accumulators) a.reset();
    if (keys.length == 0) insert(probeStart(0), 0);
  }

  public Accumulator accumulator(int i) { return accumulators[i]; }

  public int groupCount() { return groups; }

  /** For the interpreter: whether group {@code g}'s keys equal the boxed {@code values}. */
  public boolean keysEqual(int g, Object[] values) {
    for (int i = 0; i < keys.length; i++) {
      Object cur = ArrowValues.get(keys[i], g, keyTypes.get(i));
      Object v = values[i];
      if (cur == null || v == null) {
        if (cur != v) return false;
      } else if (BoxedAccumulator.compare(cur, v) != 0) {
        return false;
      }
    }
    return true;
  }

  /** For the interpreter: writes boxed key values for group {@code g}. */
  public void writeKeys(int g, Object[] values) {
    for (int i = 0; i < keys.length; i++) ArrowValues.set(keys[i], g, keyTypes.get(i), values[i]);
  }

  /** Emits every group as rows of {@code schema}, built column by column from {@code columns}. */
  public void emit(List<OutputColumn> columns, Schema schema, int batchSize, BufferAllocator allocator,
      BatchConsumer out) {
    emit(columns, schema, batchSize, allocator, null, 0, groups, out);
  }

  /**
   * Emits groups {@code ids[from, to)} (or groups {@code from..to-1} when {@code ids} is null) as
   * rows of {@code schema}: how a spill writes one hash partition of the table.
   */
  public void emit(List<OutputColumn> columns, Schema schema, int batchSize, BufferAllocator allocator, int[] ids,
      int from, int to, BatchConsumer out) {
    for (FieldVector k : keys) k.setValueCount(groups);
    List<FieldVector> accVectors = new ArrayList<>();
    for (Accumulator a : accumulators) {
      if (a instanceof SumDecimalAccumulator s) {
        // Only the groups this call emits: AggregateSource emits one batch per call, and checking
        // every group each time made emission quadratic (14% of TPC-H Q18's samples).
        for (int i = from; i < to; i++) s.checkPrecision(ids == null ? i : ids[i]);
      }
      FieldVector v = a.vector();
      v.setValueCount(groups);
      accVectors.add(v);
    }
    for (int start = from; start < to; start += batchSize) {
      int n = Math.min(batchSize, to - start);
      int[] rows = new int[n];
      for (int i = 0; i < n; i++) rows[i] = ids == null ? start + i : ids[start + i];
      VectorSchemaRoot root = ArrowTypes.createRoot(schema, allocator);
      try {
        for (int c = 0; c < columns.size(); c++) {
          FieldVector target = root.getVector(c);
          target.setInitialCapacity(n);
          target.allocateNew();
          OutputColumn col = columns.get(c);
          if (col instanceof OutputColumn.Key k) {
            copy(keys[k.index()], rows, target);
          } else if (col instanceof OutputColumn.Acc a) {
            copy(accVectors.get(a.index()), rows, target);
          } else if (col instanceof OutputColumn.Average avg) {
            writeAverages(avg, accVectors, rows, target);
          } else if (col instanceof OutputColumn.Variance v) {
            writeVariances(v, accVectors, rows, target);
          }
          target.setValueCount(n);
        }
        root.setRowCount(n);
      } catch (RuntimeException e) {
        root.close();
        throw e;
      }
      out.accept(root);
    }
  }

  private static void copy(FieldVector from, int[] rows, FieldVector to) {
    for (int i = 0; i < rows.length; i++) ArrowValues.copy(from, rows[i], to, i);
  }

  private void writeAverages(OutputColumn.Average avg, List<FieldVector> accVectors, int[] rows,
      FieldVector target) {
    int n = rows.length;
    FieldVector sums = accVectors.get(avg.sumIndex());
    FieldVector counts = accVectors.get(avg.countIndex());
    DataType sumType = ArrowTypes.emberType(sums.getField().getType());
    DataType resultType = avg.resultType();
    for (int i = 0; i < n; i++) {
      Object sum = ArrowValues.get(sums, rows[i], sumType);
      long count = (Long) ArrowValues.get(counts, rows[i], DataType.BIGINT);
      Object result = null;
      if (sum != null && count > 0) {
        if (resultType.isDecimal()) {
          BigDecimal s = sum instanceof Long l ? BigDecimal.valueOf(l, sumType.scale()) : (BigDecimal) sum;
          BigDecimal r = s.divide(BigDecimal.valueOf(count), resultType.scale(), RoundingMode.HALF_UP);
          result = resultType.isLongDecimal() ? (Object) r.unscaledValue().longValueExact() : r;
        } else {
          double s = sum instanceof BigDecimal b ? b.doubleValue()
              : sum instanceof Long l && sumType.isDecimal() ? BigDecimal.valueOf(l, sumType.scale()).doubleValue()
              : ((Number) sum).doubleValue();
          result = s / count;
        }
      }
      ArrowValues.set(target, i, resultType, result);
    }
  }

  private static void writeVariances(OutputColumn.Variance v, List<FieldVector> accVectors, int[] rows,
      FieldVector target) {
    int n = rows.length;
    FieldVector counts = accVectors.get(v.countIndex()), sums = accVectors.get(v.sumIndex()),
        squares = accVectors.get(v.sumSquaresIndex());
    for (int i = 0; i < n; i++) {
      long count = (Long) ArrowValues.get(counts, rows[i], DataType.BIGINT);
      Object result = null;
      long divisor = v.sample() ? count - 1 : count;
      if (divisor > 0) {
        double sum = (Double) ArrowValues.get(sums, rows[i], DataType.DOUBLE);
        double sq = (Double) ArrowValues.get(squares, rows[i], DataType.DOUBLE);
        double mean = sum / count;
        double variance = Math.max(0.0, (sq - sum * mean) / divisor);
        double value = v.sqrt() ? Math.sqrt(variance) : variance;
        DataType t = v.resultType();
        if (t.isDecimal()) {
          BigDecimal d = BigDecimal.valueOf(value).setScale(t.scale(), RoundingMode.HALF_UP);
          result = t.isLongDecimal() ? (Object) d.unscaledValue().longValueExact() : d;
        } else if (t.id() == dev.ember.catalyst.types.TypeId.FLOAT) {
          result = (float) value;
        } else {
          result = value;
        }
      }
      ArrowValues.set(target, i, v.resultType(), result);
    }
  }

  @Override public void close() {
    for (FieldVector k : keys) k.close();
    for (Accumulator a : accumulators) a.close();
  }
}
