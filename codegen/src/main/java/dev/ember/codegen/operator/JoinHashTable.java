package dev.ember.codegen.operator;

import dev.ember.catalyst.errors.Cancellation;
import dev.ember.catalyst.types.DataType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The build side of a hash join: the build rows stay in their Arrow batches; the table indexes
 * them by the hash of their key columns with chained buckets. Rows with a NULL key are not
 * indexed (they can never match). Read-only once built, so one table can serve many probing
 * tasks (broadcast joins).
 *
 * <p>Probing protocol (generated code and the interpreter):
 * <pre>
 * for (int e = t.first(h); e >= 0; e = t.next(e)) {
 *   if (t.hashAt(e) != h) continue;
 *   int b = t.batchAt(e), r = t.rowAt(e);   // compare keys, read columns(c)[b] at r
 * }
 * </pre>
 */
public final class JoinHashTable implements AutoCloseable {
  private final List<VectorSchemaRoot> batches;
  private final List<DataType> types;
  private final FieldVector[][] columns;
  private final int[] buckets;
  private final int mask;
  private final int[] next;
  private final int[] hashes;
  private final int[] batchOf;
  private final int[] rowOf;
  private final long rows;

  /**
   * Indexes {@code batches} (which the table then owns) by the columns at {@code keyColumns}.
   */
  public JoinHashTable(List<VectorSchemaRoot> batches, List<DataType> types, int[] keyColumns) {
    this.batches = List.copyOf(batches);
    this.types = List.copyOf(types);
    int ncols = types.size();
    columns = new FieldVector[ncols][batches.size()];
    long total = 0;
    for (int b = 0; b < batches.size(); b++) {
      VectorSchemaRoot root = batches.get(b);
      for (int c = 0; c < ncols; c++) columns[c][b] = root.getVector(c);
      total += root.getRowCount();
    }
    if (total > Integer.MAX_VALUE / 2) throw new IllegalStateException("join build side too large: " + total + " rows");
    rows = total;
    int capacity = Integer.highestOneBit((int) Math.max(16, total * 2 - 1)) << 1;
    buckets = new int[capacity];
    mask = capacity - 1;
    next = new int[(int) total];
    hashes = new int[(int) total];
    batchOf = new int[(int) total];
    rowOf = new int[(int) total];
    int e = 0;
    int[] h = new int[0];
    for (int b = 0; b < batches.size(); b++) {
      Cancellation.checkInterrupted(); // a big build side takes seconds: a cancelled query stops here
      int n = batches.get(b).getRowCount();
      // The batch's key hashes a column at a time (typed loops over the buffers, the same numbers
      // as hashCell per cell); rows with a NULL key are skipped below.
      if (h.length < n) h = new int[n];
      java.util.Arrays.fill(h, 0, n, Hashing.SEED);
      boolean anyNull = false;
      for (int k : keyColumns) {
        FieldVector v = columns[k][b];
        Hashing.combineColumn(h, v, types.get(k), n);
        anyNull |= v.getNullCount() > 0;
      }
      rows:
      for (int r = 0; r < n; r++) {
        if (anyNull) {
          for (int k : keyColumns) if (columns[k][b].isNull(r)) continue rows;
        }
        int hash = Hashing.finish(h[r]);
        hashes[e] = hash;
        batchOf[e] = b;
        rowOf[e] = r;
        int bucket = hash & mask;
        next[e] = buckets[bucket];
        buckets[bucket] = e + 1;
        e++;
      }
    }
  }

  /** First entry whose bucket matches {@code hash}, or -1. */
  public int first(int hash) { return buckets[hash & mask] - 1; }

  /** The entry after {@code e} in its bucket, or -1. */
  public int next(int e) { return next[e] - 1; }

  public int hashAt(int e) { return hashes[e]; }

  public int batchAt(int e) { return batchOf[e]; }

  public int rowAt(int e) { return rowOf[e]; }

  /** Column {@code c} of every build batch, indexed by batch. */
  public FieldVector[] column(int c) { return columns[c]; }

  public DataType type(int c) { return types.get(c); }

  public long rowCount() { return rows; }

  public List<VectorSchemaRoot> batches() { return batches; }

  @Override public void close() {
    for (VectorSchemaRoot b : batches) b.close();
  }
}
