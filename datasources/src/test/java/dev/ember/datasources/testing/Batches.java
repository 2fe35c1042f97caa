package dev.ember.datasources.testing;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.ScanSplit;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Drains readers in tests, turning values into {@link DuckDb#canonical}-comparable form. */
public final class Batches {
  private Batches() {}

  /** Calls {@code each} on every batch of every split, closing batches and readers. */
  public static void forEachBatch(DataSourceTable table, int targetSplits, List<String> columns,
                                  BufferAllocator allocator, int batchSize, Consumer<VectorSchemaRoot> each) {
    for (ScanSplit split : table.splits(targetSplits)) {
      try (BatchReader reader = table.open(split, columns, List.of(), allocator, batchSize)) {
        for (VectorSchemaRoot next = reader.next(); next != null; next = reader.next()) {
          try (VectorSchemaRoot b = next) {
            if (b.getRowCount() < 1 || b.getRowCount() > batchSize) {
              throw new AssertionError("batch of " + b.getRowCount() + " rows, batchSize " + batchSize);
            }
            each.accept(b);
          }
        }
      }
    }
  }

  /** All rows of the batch, values canonical. */
  public static List<List<Object>> rows(VectorSchemaRoot root) {
    List<List<Object>> out = new ArrayList<>();
    List<FieldVector> vectors = root.getFieldVectors();
    for (int r = 0; r < root.getRowCount(); r++) {
      List<Object> row = new ArrayList<>(vectors.size());
      for (FieldVector v : vectors) {
        DataType t = ArrowTypes.emberType(v.getField());
        row.add(canonical(ArrowValues.get(v, r, t), t));
      }
      out.add(row);
    }
    return out;
  }

  /** Reads every row of the table (all splits, in split order). */
  public static List<List<Object>> readAll(DataSourceTable table, List<String> columns,
                                           BufferAllocator allocator, int targetSplits, int batchSize) {
    List<List<Object>> out = new ArrayList<>();
    forEachBatch(table, targetSplits, columns, allocator, batchSize, b -> out.addAll(rows(b)));
    return out;
  }

  public static Object canonical(Object v, DataType t) {
    if (v == null) return null;
    return switch (t.id()) {
      case TINYINT, SMALLINT, INT, BIGINT -> ((Number) v).longValue();
      case DATE -> ((Integer) v).longValue();
      case FLOAT, DOUBLE -> ((Number) v).doubleValue();
      case DECIMAL -> v instanceof Long l ? BigDecimal.valueOf(l, t.scale()) : v;
      case VARCHAR -> ((Utf8String) v).toString();
      case VARBINARY -> DuckDb.hex((byte[]) v);
      case ARRAY -> {
        List<Object> out = new ArrayList<>();
        for (Object e : (List<?>) v) out.add(canonical(e, t.elementType()));
        yield out;
      }
      default -> v;
    };
  }
}
