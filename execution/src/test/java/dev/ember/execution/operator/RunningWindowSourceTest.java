package dev.ember.execution.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.expr.WindowFrame;
import dev.ember.catalyst.expr.WindowFrame.Bound;
import dev.ember.catalyst.expr.WindowFunction.WinFn;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * The streaming window (no PARTITION BY, running functions) against the buffering one on random
 * rows with many ties and NULL keys, fed in batches of 13 rows so peer groups span batches:
 * the same values row for row.
 */
class RunningWindowSourceTest {
  private static final Schema INPUT = Schema.of(new Field("k", DataType.INT, true), new Field("v", DataType.BIGINT, true));
  private static final WindowColumn.Arg V = WindowColumn.Arg.column(1, DataType.BIGINT);
  private static final WindowFrame ROWS_TO_CURRENT = new WindowFrame(true, Bound.UNBOUNDED_PRECEDING, Bound.CURRENT_ROW);
  private static final List<WindowColumn> COLUMNS = List.of(
      new WindowColumn(WinFn.ROW_NUMBER, List.of(), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT),
      new WindowColumn(WinFn.RANK, List.of(), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT),
      new WindowColumn(WinFn.DENSE_RANK, List.of(), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT),
      new WindowColumn(WinFn.SUM, List.of(V), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT),
      new WindowColumn(WinFn.COUNT, List.of(), ROWS_TO_CURRENT, DataType.BIGINT),
      new WindowColumn(WinFn.MIN, List.of(V), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT),
      new WindowColumn(WinFn.AVG, List.of(V), ROWS_TO_CURRENT, DataType.DOUBLE));
  private static final List<Sorts.Key> ORDER = List.of(new Sorts.Key(0, DataType.INT, true, true));
  private static final Schema OUTPUT;

  static {
    List<Field> out = new ArrayList<>(INPUT.fields());
    for (int i = 0; i < COLUMNS.size(); i++) out.add(new Field("w" + i, COLUMNS.get(i).type(), true));
    OUTPUT = new Schema(out);
  }

  /** 3,000 rows: k in 0..39 or NULL, v in 0..999 or NULL, in batches of 37. */
  private static List<VectorSchemaRoot> input(RootAllocator allocator) {
    Random random = new Random(42);
    List<VectorSchemaRoot> batches = new ArrayList<>();
    for (int start = 0; start < 3000; start += 37) {
      int n = Math.min(37, 3000 - start);
      VectorSchemaRoot root = ArrowTypes.createRoot(INPUT, allocator);
      for (int r = 0; r < n; r++) {
        ArrowValues.set(root.getVector(0), r, DataType.INT, random.nextInt(20) == 0 ? null : random.nextInt(40));
        ArrowValues.set(root.getVector(1), r, DataType.BIGINT, random.nextInt(10) == 0 ? null : (long) random.nextInt(1000));
      }
      root.getVector(0).setValueCount(n);
      root.getVector(1).setValueCount(n);
      root.setRowCount(n);
      batches.add(root);
    }
    return batches;
  }

  private static List<List<Object>> rows(BatchSource source) {
    List<List<Object>> rows = new ArrayList<>();
    try (source) {
      for (VectorSchemaRoot b = source.next(); b != null; b = source.next()) {
        try (VectorSchemaRoot batch = b) {
          for (int r = 0; r < batch.getRowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < OUTPUT.size(); c++) row.add(ArrowValues.get(batch.getVector(c), r, OUTPUT.field(c).type()));
            rows.add(row);
          }
        }
      }
    }
    return rows;
  }

  @Test void streamsTheSameValuesAsTheBufferingWindow() {
    try (RootAllocator allocator = new RootAllocator()) {
      assertTrue(RunningWindowSource.supports(List.of(), ORDER, COLUMNS));
      List<List<Object>> expected = rows(new WindowSource(new ListSource(input(allocator)), List.of(), ORDER, COLUMNS,
          OUTPUT, allocator, 64));
      BatchSource sorted = Sorts.sort(new ListSource(input(allocator)), ORDER, -1, 0, allocator, 13);
      List<List<Object>> actual = rows(new RunningWindowSource(sorted, ORDER, COLUMNS, OUTPUT, allocator, null));
      assertEquals(3000, actual.size());
      for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i), actual.get(i), "row " + i);
    }
  }

  @Test void runningOutOfMemoryHalfWayLeavesNothingAllocated() {
    try (RootAllocator root = new RootAllocator()) {
      for (long limit : new long[] {16 << 10, 64 << 10, 256 << 10}) {
        try (BufferAllocator small = root.newChildAllocator("small", 0, limit)) {
          BatchSource sorted = Sorts.sort(new ListSource(input(root)), ORDER, -1, 0, small, 13);
          RunningWindowSource window = new RunningWindowSource(sorted, ORDER, COLUMNS, OUTPUT, small, null);
          assertThrows(OutOfMemoryException.class, () -> {
            try (window) {
              List<VectorSchemaRoot> kept = new ArrayList<>(); // held by the reader until the memory runs out
              try {
                for (VectorSchemaRoot b = window.next(); b != null; b = window.next()) kept.add(b);
              } finally {
                kept.forEach(VectorSchemaRoot::close);
              }
            }
          }, "limit " + limit);
          assertEquals(0, small.getAllocatedMemory(), "limit " + limit);
        }
      }
    }
  }

  @Test void onlyRunningFunctionsWithAnOrderStream() {
    WindowColumn lead = new WindowColumn(WinFn.LEAD, List.of(V), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT);
    WindowColumn whole = new WindowColumn(WinFn.SUM, List.of(V), WindowFrame.WHOLE_PARTITION, DataType.BIGINT);
    assertFalse(RunningWindowSource.supports(List.of(), ORDER, List.of(lead)));
    assertFalse(RunningWindowSource.supports(List.of(), ORDER, List.of(COLUMNS.get(0), whole)));
    assertFalse(RunningWindowSource.supports(List.of(), List.of(), List.of(COLUMNS.get(0))), "no ORDER BY");
    assertFalse(RunningWindowSource.supports(ORDER, ORDER, List.of(COLUMNS.get(0))), "PARTITION BY");
  }
}
