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
    for (FieldVector k : keys) k.setValueCount(groups);
    List<FieldVector> accVectors = new ArrayList<>();
    for (Accumulator a : accumulators) {
      if (a instanceof SumDecimalAccumulator s) {
        for (int g = 0; g < groups; g++) s.checkPrecision(g);
      }
      FieldVector v = a.vector();
      v.setValueCount(groups);
      accVectors.add(v);
    }
    for (int start = 0; start < groups; start += batchSize) {
      int n = Math.min(batchSize, groups - start);
      VectorSchemaRoot root = ArrowTypes.createRoot(schema, allocator);
      try {
        for (int c = 0; c < columns.size(); c++) {
          FieldVector target = root.getVector(c);
          target.setInitialCapacity(n);
          target.allocateNew();
          OutputColumn col = columns.get(c);
          if (col instanceof OutputColumn.Key k) {
            copy(keys[k.index()], start, n, target);
          } else if (col instanceof OutputColumn.Acc a) {
            copy(accVectors.get(a.index()), start, n, target);
          } else if (col instanceof OutputColumn.Average avg) {
            writeAverages(avg, accVectors, start, n, target);
          } else if (col instanceof OutputColumn.Variance v) {
            writeVariances(v, accVectors, start, n, target);
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

  private static void copy(FieldVector from, int start, int n, FieldVector to) {
    for (int i = 0; i < n; i++) ArrowValues.copy(from, start + i, to, i);
  }

  private void writeAverages(OutputColumn.Average avg, List<FieldVector> accVectors, int start, int n,
      FieldVector target) {
    FieldVector sums = accVectors.get(avg.sumIndex());
    FieldVector counts = accVectors.get(avg.countIndex());
    DataType sumType = ArrowTypes.emberType(sums.getField().getType());
    DataType resultType = avg.resultType();
    for (int i = 0; i < n; i++) {
      Object sum = ArrowValues.get(sums, start + i, sumType);
      long count = (Long) ArrowValues.get(counts, start + i, DataType.BIGINT);
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

  private static void writeVariances(OutputColumn.Variance v, List<FieldVector> accVectors, int start, int n,
      FieldVector target) {
    FieldVector counts = accVectors.get(v.countIndex()), sums = accVectors.get(v.sumIndex()),
        squares = accVectors.get(v.sumSquaresIndex());
    for (int i = 0; i < n; i++) {
      long count = (Long) ArrowValues.get(counts, start + i, DataType.BIGINT);
      Object result = null;
      long divisor = v.sample() ? count - 1 : count;
      if (divisor > 0) {
        double sum = (Double) ArrowValues.get(sums, start + i, DataType.DOUBLE);
        double sq = (Double) ArrowValues.get(squares, start + i, DataType.DOUBLE);
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
