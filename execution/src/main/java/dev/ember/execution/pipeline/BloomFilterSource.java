package dev.ember.execution.pipeline;

import dev.ember.catalyst.types.DataType;
import dev.ember.codegen.operator.VectorCopy;
import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.execution.operator.BatchSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Drops the scan's rows whose join key cannot be in a join's build side — a vectorised
 * pre-filter in front of the pipeline, so those rows are never probed, joined or copied further.
 * Each {@link Probe} tests one scan column against a Bloom filter of the build keys (a NULL key
 * never matches an equi-join). When the filters keep nearly every row (an unfiltered dimension:
 * every fact key has a partner) testing is wasted work, so after {@link #TRIAL_ROWS} rows a
 * source that kept more than {@link #KEEP_LIMIT} of them stops testing.
 */
final class BloomFilterSource implements BatchSource {
  static final int TRIAL_ROWS = 32_768;
  static final double KEEP_LIMIT = 0.9;

  /** Scan column {@code column} (of type {@code type}) must be in {@code filter}. */
  record Probe(int column, DataType type, BloomFilter filter) {}

  private final BatchSource input;
  private final List<Probe> probes;
  private final BufferAllocator allocator;
  private final AtomicLong dropped;
  private long tested, kept;
  private boolean active = true;

  /** @param dropped counts the rows dropped (the query's metric) */
  BloomFilterSource(BatchSource input, List<Probe> probes, BufferAllocator allocator, AtomicLong dropped) {
    this.input = input;
    this.probes = List.copyOf(probes);
    this.allocator = allocator;
    this.dropped = dropped;
  }

  @Override public VectorSchemaRoot next() {
    while (true) {
      VectorSchemaRoot b = input.next();
      if (b == null || !active) return b;
      int rows = b.getRowCount();
      int[] selected = new int[rows];
      int n = rows;
      for (int r = 0; r < rows; r++) selected[r] = r;
      // One probe at a time over the surviving rows: a tight loop per column and vector type.
      for (Probe p : probes) n = keep(b.getVector(p.column()), p, selected, n);
      tested += rows;
      kept += n;
      if (tested >= TRIAL_ROWS && kept > KEEP_LIMIT * tested) active = false;
      dropped.addAndGet(rows - n);
      if (n == rows) return b;
      if (n == 0) {
        b.close();
        continue;
      }
      VectorSchemaRoot out = select(b, selected, n);
      b.close();
      return out;
    }
  }

  /** Compacts {@code selected[0..n)} to the rows whose key may be in the probe's filter; returns their count. */
  private static int keep(FieldVector v, Probe p, int[] selected, int n) {
    BloomFilter f = p.filter();
    int out = 0;
    if (v instanceof BigIntVector b) {
      for (int i = 0; i < n; i++) {
        int r = selected[i];
        if (!b.isNull(r) && f.mightContain(b.get(r))) selected[out++] = r;
      }
    } else if (v instanceof IntVector iv) {
      for (int i = 0; i < n; i++) {
        int r = selected[i];
        if (!iv.isNull(r) && f.mightContain(iv.get(r))) selected[out++] = r;
      }
    } else {
      for (int i = 0; i < n; i++) {
        int r = selected[i];
        if (!v.isNull(r) && f.mightContain(key(v, r, p.type()))) selected[out++] = r;
      }
    }
    return out;
  }

  /**
   * The key the filters hold for a value: integral, date and short-decimal values as their long,
   * strings (and anything else) by their hash. Build and probe sides use this same function.
   */
  static long key(FieldVector v, int row, DataType type) {
    if (v instanceof BigIntVector b) return b.get(row);
    if (v instanceof IntVector i) return i.get(row);
    if (v instanceof DateDayVector d) return d.get(row);
    if (v instanceof DecimalVector d && type.isLongDecimal()) return ArrowValues.getLongDecimal(d, row);
    Object value = ArrowValues.get(v, row, type);
    return value instanceof Number num && type.isIntegral() ? num.longValue() : value.hashCode();
  }

  /** The selected rows in a new batch, column by column with typed loads and stores ({@link VectorCopy#gather}). */
  private VectorSchemaRoot select(VectorSchemaRoot b, int[] rows, int n) {
    VectorSchemaRoot out = VectorSchemaRoot.create(b.getSchema(), allocator);
    try {
      for (int c = 0; c < b.getFieldVectors().size(); c++) VectorCopy.gather(b.getVector(c), rows, n, out.getVector(c));
      out.setRowCount(n);
      return out;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }

  @Override public void close() { input.close(); }
}
