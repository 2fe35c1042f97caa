package dev.ember.execution.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.expr.WindowFrame;
import dev.ember.catalyst.expr.WindowFrame.Bound;
import dev.ember.catalyst.expr.WindowFunction.WinFn;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.execution.memory.TaskMemory;
import dev.ember.execution.spill.SpillFile;
import dev.ember.execution.spill.SpillTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * Aggregates over the whole input, NTILE, PERCENT_RANK, CUME_DIST, ranks and LAG/LEAD (within a batch of
 * 37 rows and beyond it) against the buffering window
 * on random rows with NULLs and ties across batches: the same values row for row, in order, whether the rows stay in memory or (under a
 * tiny task budget) go to a spill file between the two passes; only whole-partition aggregates
 * without PARTITION BY are taken.
 */
class WholeWindowSourceTest extends SpillTestBase {
  private static final Schema INPUT = Schema.of(new Field("k", DataType.INT, true), new Field("v", DataType.BIGINT, true));
  private static final WindowColumn.Arg V = WindowColumn.Arg.column(1, DataType.BIGINT);
  private static final WindowFrame RANGE_WHOLE = new WindowFrame(false, Bound.UNBOUNDED_PRECEDING, Bound.UNBOUNDED_FOLLOWING);
  private static final List<WindowColumn> COLUMNS = List.of(
      new WindowColumn(WinFn.SUM, List.of(V), WindowFrame.WHOLE_PARTITION, DataType.BIGINT),
      new WindowColumn(WinFn.COUNT, List.of(), WindowFrame.WHOLE_PARTITION, DataType.BIGINT),
      new WindowColumn(WinFn.COUNT, List.of(V), RANGE_WHOLE, DataType.BIGINT),
      new WindowColumn(WinFn.MIN, List.of(V), WindowFrame.WHOLE_PARTITION, DataType.BIGINT),
      new WindowColumn(WinFn.MAX, List.of(V), RANGE_WHOLE, DataType.BIGINT),
      new WindowColumn(WinFn.AVG, List.of(V), WindowFrame.WHOLE_PARTITION, DataType.DOUBLE),
      new WindowColumn(WinFn.NTILE, List.of(WindowColumn.Arg.constant(7L, DataType.BIGINT)), WindowFrame.RANGE_TO_CURRENT,
          DataType.BIGINT),
      new WindowColumn(WinFn.PERCENT_RANK, List.of(), WindowFrame.RANGE_TO_CURRENT, DataType.DOUBLE),
      new WindowColumn(WinFn.ROW_NUMBER, List.of(), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT),
      new WindowColumn(WinFn.RANK, List.of(), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT),
      new WindowColumn(WinFn.DENSE_RANK, List.of(), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT),
      new WindowColumn(WinFn.LEAD, List.of(V), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT),
      new WindowColumn(WinFn.LEAD, List.of(V, constant(40), constant(-1)), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT),
      new WindowColumn(WinFn.LAG, List.of(V, constant(3), constant(-2)), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT),
      new WindowColumn(WinFn.LAG, List.of(V, constant(50)), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT),
      new WindowColumn(WinFn.LAG, List.of(V, constant(-2)), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT),
      new WindowColumn(WinFn.CUME_DIST, List.of(), WindowFrame.RANGE_TO_CURRENT, DataType.DOUBLE));
  private static WindowColumn.Arg constant(long v) { return WindowColumn.Arg.constant(v, DataType.BIGINT); }

  /** ORDER BY k: the input comes sorted by it, with ties (peer groups) across batches. */
  private static final List<Sorts.Key> ORDER = List.of(new Sorts.Key(0, DataType.INT, true, true));

  private static Schema output(List<WindowColumn> columns) {
    List<Field> out = new ArrayList<>(INPUT.fields());
    for (int i = 0; i < columns.size(); i++) out.add(new Field("w" + i, columns.get(i).type(), true));
    return new Schema(out);
  }

  /** 3,000 rows in batches of 37: k the row's position divided by {@code ties} (ascending), v in 0..999 or NULL. */
  private List<VectorSchemaRoot> input(int ties) {
    Random random = new Random(7);
    List<VectorSchemaRoot> batches = new ArrayList<>();
    for (int start = 0; start < 3000; start += 37) {
      int n = Math.min(37, 3000 - start);
      VectorSchemaRoot root = ArrowTypes.createRoot(INPUT, allocator);
      for (int r = 0; r < n; r++) {
        ArrowValues.set(root.getVector(0), r, DataType.INT, (start + r) / ties);
        ArrowValues.set(root.getVector(1), r, DataType.BIGINT, random.nextInt(10) == 0 ? null : (long) random.nextInt(1000));
      }
      root.getVector(0).setValueCount(n);
      root.getVector(1).setValueCount(n);
      root.setRowCount(n);
      batches.add(root);
    }
    return batches;
  }

  private static List<List<Object>> rows(BatchSource source, Schema schema) {
    List<List<Object>> rows = new ArrayList<>();
    try (source) {
      for (VectorSchemaRoot b = source.next(); b != null; b = source.next()) {
        try (VectorSchemaRoot batch = b) {
          for (int r = 0; r < batch.getRowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < schema.size(); c++) row.add(ArrowValues.get(batch.getVector(c), r, schema.field(c).type()));
            rows.add(row);
          }
        }
      }
    }
    return rows;
  }

  @Test void givesTheBufferingWindowsValuesInMemoryAndSpilled() {
    assertTrue(WholeWindowSource.supports(List.of(), COLUMNS));
    sameAsBuffered(11, COLUMNS); // peer groups within a batch or across two
    sameAsBuffered(100, COLUMNS); // peer groups across three batches or more
    // without CUME_DIST, the rows kept in memory after the spilled ones stay there
    sameAsBuffered(11, COLUMNS.subList(0, COLUMNS.size() - 1));
  }

  private void sameAsBuffered(int ties, List<WindowColumn> columns) {
    Schema schema = output(columns);
    boolean cumeDist = columns.stream().anyMatch(c -> c.fn() == WinFn.CUME_DIST);
    List<List<Object>> expected = rows(new WindowSource(new ListSource(input(ties)), List.of(), ORDER, columns, schema,
        allocator, 64), schema);
    assertEquals(3000, expected.size());
    List<List<Object>> unbounded = rows(new WholeWindowSource(new ListSource(input(ties)), ORDER, columns, schema, allocator,
        null), schema);
    assertEquals(expected, unbounded, "ties " + ties);
    // room for a few batches only: the rows go to a spill file (CUME_DIST then moves the rest there too)
    try (TaskMemory memory = TaskMemory.standalone(1 << 20)) {
      long filesBefore = SpillFile.liveFiles();
      List<List<Object>> spilled = rows(new WholeWindowSource(new ListSource(input(ties)), ORDER, columns, schema, allocator,
          memory), schema);
      assertTrue(memory.metrics().spills() > 0, "did not spill");
      long rowsSpilled = memory.metrics().rows();
      assertTrue(cumeDist ? rowsSpilled == 3000 : rowsSpilled > 0 && rowsSpilled < 3000, "rows spilled: " + rowsSpilled);
      assertEquals(filesBefore, SpillFile.liveFiles(), "the spill file is deleted on close");
      for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i), spilled.get(i), "ties " + ties + ", row " + i);
      assertEquals(expected.size(), spilled.size());
    }
  }

  @Test void onlyWholePartitionAggregatesWithoutPartitionBy() {
    List<Sorts.Key> keys = List.of(new Sorts.Key(0, DataType.INT, true, true));
    WindowColumn running = new WindowColumn(WinFn.SUM, List.of(V), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT);
    WindowColumn following = new WindowColumn(WinFn.SUM, List.of(V),
        new WindowFrame(true, Bound.UNBOUNDED_PRECEDING, new Bound(WindowFrame.Kind.FOLLOWING, 1)), DataType.BIGINT);
    WindowColumn ntileOfColumn = new WindowColumn(WinFn.NTILE, List.of(V), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT);
    assertFalse(WholeWindowSource.supports(keys, COLUMNS), "PARTITION BY");
    assertFalse(WholeWindowSource.supports(List.of(), List.of(COLUMNS.get(0), running)));
    assertFalse(WholeWindowSource.supports(List.of(), List.of(following)));
    assertFalse(WholeWindowSource.supports(List.of(), List.of(ntileOfColumn)), "NTILE of a column");
    WindowColumn leadByColumn = new WindowColumn(WinFn.LEAD, List.of(V, V), WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT);
    WindowColumn leadFar = new WindowColumn(WinFn.LEAD, List.of(V, constant(WholeWindowSource.MAX_SHIFT + 1)),
        WindowFrame.RANGE_TO_CURRENT, DataType.BIGINT);
    assertFalse(WholeWindowSource.supports(List.of(), List.of(leadByColumn)), "LEAD by a column");
    assertFalse(WholeWindowSource.supports(List.of(), List.of(leadFar)), "LEAD further than held back");
    assertFalse(WholeWindowSource.supports(List.of(), List.of(COLUMNS.get(8))), "ROW_NUMBER alone streams in one pass");
  }
}
