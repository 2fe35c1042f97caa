package dev.ember.api;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.ScanSplit;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** {@code session.range(start, end, step)}: one BIGINT column {@code id}, generated in splits. */
record RangeTable(long start, long end, long step) implements DataSourceTable, java.io.Serializable {
  static final Schema SCHEMA = Schema.of(new Field("id", DataType.BIGINT, false));

  RangeTable {
    if (step == 0) throw new EmberException(EmberException.DATA_EXCEPTION, "range step must not be 0");
  }

  /** Rows {@code [from, to)} by index. */
  record RangeSplit(long from, long to) implements ScanSplit {
    @Override public String describe() { return "rows " + from + ".." + to; }
  }

  long size() {
    if (step > 0 ? start >= end : start <= end) return 0;
    java.math.BigInteger span = java.math.BigInteger.valueOf(end).subtract(java.math.BigInteger.valueOf(start));
    java.math.BigInteger[] qr = span.divideAndRemainder(java.math.BigInteger.valueOf(step));
    return qr[0].longValueExact() + (qr[1].signum() == 0 ? 0 : 1);
  }

  @Override public String name() { return "range(" + start + ", " + end + ", " + step + ")"; }

  @Override public Schema schema() { return SCHEMA; }

  @Override public Statistics statistics() { return Statistics.of(size(), size() * 8); }

  @Override public List<ScanSplit> splits(int targetSplits) {
    long n = size();
    int parts = (int) Math.max(1, Math.min(targetSplits, n / 4096));
    List<ScanSplit> out = new ArrayList<>();
    for (int i = 0; i < parts; i++) out.add(new RangeSplit(n * i / parts, n * (i + 1) / parts));
    return out;
  }

  @Override public BatchReader open(ScanSplit split, List<String> columns, List<Expr> filters,
      BufferAllocator allocator, int batchSize) {
    RangeSplit s = (RangeSplit) split;
    return new BatchReader() {
      long next = s.from();

      @Override public VectorSchemaRoot next() {
        if (next >= s.to()) return null;
        int rows = (int) Math.min(batchSize, s.to() - next);
        List<FieldVector> vectors = new ArrayList<>();
        if (!columns.isEmpty()) {
          BigIntVector v = new BigIntVector("id", allocator);
          v.allocateNew(rows);
          for (int i = 0; i < rows; i++) v.set(i, start + (next + i) * step);
          v.setValueCount(rows);
          vectors.add(v);
        }
        VectorSchemaRoot root = new VectorSchemaRoot(vectors);
        root.setRowCount(rows);
        next += rows;
        return root;
      }

      @Override public void close() {}
    };
  }
}
