package dev.ember.execution.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.catalyst.expr.WindowFrame;
import dev.ember.catalyst.expr.WindowFrame.Bound;
import dev.ember.catalyst.expr.WindowFunction.WinFn;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * The window operator on a small input worked out by hand from SQL's rules: NULL partition keys
 * form one partition (first, ascending NULLS FIRST), RANGE frames take in peers, frames ending at
 * the partition's end, LAG defaults; and nothing leaks, whether read to the end or closed early.
 */
class WindowSourceTest {
  private static final Schema INPUT = Schema.of(new Field("k", DataType.INT, true), new Field("v", DataType.BIGINT, true));
  private static final Object[][] ROWS = {{1, 20L}, {2, null}, {1, 10L}, {null, 5L}, {2, 7L}, {1, 20L}};

  private static VectorSchemaRoot input(RootAllocator allocator) {
    VectorSchemaRoot root = ArrowTypes.createRoot(INPUT, allocator);
    for (int c = 0; c < 2; c++) {
      for (int r = 0; r < ROWS.length; r++) ArrowValues.set(root.getVector(c), r, INPUT.field(c).type(), ROWS[r][c]);
      root.getVector(c).setValueCount(ROWS.length);
    }
    root.setRowCount(ROWS.length);
    return root;
  }

  private static WindowSource source(RootAllocator allocator, int batchSize) {
    WindowColumn.Arg v = WindowColumn.Arg.column(1, DataType.BIGINT);
    List<WindowColumn> columns = List.of(
        new WindowColumn(WinFn.SUM, List.of(v), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT),
        new WindowColumn(WinFn.RANK, List.of(), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT),
        new WindowColumn(WinFn.SUM, List.of(v), new WindowFrame(true, Bound.CURRENT_ROW, Bound.UNBOUNDED_FOLLOWING),
            DataType.BIGINT),
        new WindowColumn(WinFn.LAG, List.of(v, WindowColumn.Arg.constant(1L, DataType.BIGINT),
            WindowColumn.Arg.constant(-1L, DataType.BIGINT)), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT),
        new WindowColumn(WinFn.COUNT, List.of(), new WindowFrame(true, Bound.preceding(1), Bound.following(1)),
            DataType.BIGINT));
    List<Field> out = new ArrayList<>(INPUT.fields());
    for (String name : List.of("running", "rank", "rest", "lag", "near")) out.add(new Field(name, DataType.BIGINT, true));
    return new WindowSource(new ListSource(List.of(input(allocator))),
        List.of(new Sorts.Key(0, DataType.INT, true, true)), List.of(new Sorts.Key(1, DataType.BIGINT, true, false)),
        columns, new Schema(out), allocator, batchSize);
  }

  @Test void computesEachFunctionPerPartitionInOrder() {
    try (RootAllocator allocator = new RootAllocator()) {
      List<List<Object>> rows = new ArrayList<>();
      try (WindowSource window = source(allocator, 4)) {
        VectorSchemaRoot b;
        while ((b = window.next()) != null) {
          try (VectorSchemaRoot batch = b) {
            for (int r = 0; r < batch.getRowCount(); r++) {
              List<Object> row = new ArrayList<>();
              for (int c = 0; c < batch.getFieldVectors().size(); c++) {
                row.add(ArrowValues.get(batch.getVector(c), r, c == 0 ? DataType.INT : DataType.BIGINT));
              }
              rows.add(row);
            }
          }
        }
      }
      // k, v, running sum (peers included), rank, sum to the partition's end, lag(v, 1, -1), count of rows ±1
      assertEquals(List.of(
          Arrays.asList(null, 5L, 5L, 1L, 5L, -1L, 1L),
          Arrays.asList(1, 10L, 10L, 1L, 50L, -1L, 2L),
          Arrays.asList(1, 20L, 50L, 2L, 40L, 10L, 3L),
          Arrays.asList(1, 20L, 50L, 2L, 20L, 20L, 2L),
          Arrays.asList(2, 7L, 7L, 1L, 7L, -1L, 2L),
          Arrays.asList(2, null, 7L, 2L, null, 7L, 2L)), rows);
    }
  }

  @Test void closingBeforeReadingEverythingReleasesAllBuffers() {
    try (RootAllocator allocator = new RootAllocator()) {
      try (WindowSource window = source(allocator, 2)) {
        VectorSchemaRoot first = window.next();
        assertEquals(2, first.getRowCount());
        first.close();
      }
      WindowSource unread = source(allocator, 2);
      unread.close(); // never read: closing releases the input it still holds
    }
  }
}
