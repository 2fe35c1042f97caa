package dev.ember.datasources.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.types.DataType;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.ScanMetrics;
import dev.ember.datasources.ScanSplit;
import dev.ember.datasources.testing.Batches;
import dev.ember.datasources.testing.DuckDb;
import dev.ember.datasources.testing.TableCopy;
import dev.ember.datasources.write.SaveMode;
import dev.ember.datasources.write.WriteSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row groups whose dictionary lacks the wanted values are skipped even when min/max statistics
 * cannot tell ('m' lies between 'a' and 'z' in every group); no matching row is ever lost.
 */
class DictionaryPruningTest {
  /** Every group holds 'a' and 'z'; only rows 10000..10010 hold 'm'. */
  private static final String SOURCE = """
      SELECT i AS id, CASE WHEN i BETWEEN 10000 AND 10010 THEN 'm' WHEN i % 2 = 0 THEN 'a' ELSE 'z' END AS cat,
             i % 7 AS small
      FROM range(40000) r(i)
      """;
  private static final AttributeRef CAT = AttributeRef.of("cat", DataType.VARCHAR, true);

  @TempDir static Path dir;
  private static DuckDb duck;
  private static ParquetTable table;
  private static long groups;
  private BufferAllocator allocator;

  @BeforeAll static void write() {
    duck = new DuckDb();
    Path source = dir.resolve("source.parquet");
    duck.execute("COPY (" + SOURCE + ") TO '" + source + "' (FORMAT parquet)");
    Path out = dir.resolve("dict");
    try (BufferAllocator a = new RootAllocator()) {
      ParquetTable src = ParquetTable.open("src", source.toString());
      TableCopy.copy(src, new WriteSpec("parquet", out.toString(), SaveMode.OVERWRITE, src.schema(), List.of(),
          Map.of("rowGroupSize", "32768")), a, 1, 4096);
    }
    table = ParquetTable.open("t", out.toString());
    groups = ((Number) duck.value("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + out + "/*.parquet')")).longValue();
    assertTrue(groups >= 4, "several row groups: " + groups);
  }

  @AfterAll static void stop() { duck.close(); }

  @BeforeEach void allocate() { allocator = new RootAllocator(); }

  @AfterEach void checkNoLeak() { allocator.close(); }

  private List<List<Object>> scan(List<Expr> filters) {
    List<List<Object>> rows = new ArrayList<>();
    for (ScanSplit s : table.splits(1)) {
      try (BatchReader r = table.open(s, List.of("id", "cat"), filters, allocator, 4096)) {
        for (VectorSchemaRoot b = r.next(); b != null; b = r.next()) {
          try (VectorSchemaRoot batch = b) {
            rows.addAll(Batches.rows(batch));
          }
        }
      }
    }
    return rows;
  }

  @Test void equalitySkipsGroupsWithoutTheValue() {
    ScanMetrics m = table.metrics().orElseThrow();
    long before = m.rowGroupsPrunedByDictionary.get();
    long statsBefore = m.rowGroupsPrunedByStatistics.get();
    List<List<Object>> rows = scan(List.of(BinaryOp.predicate(BinaryOp.Op.EQ, CAT, Literal.ofString("m"))));
    assertEquals(0, m.rowGroupsPrunedByStatistics.get() - statsBefore, "min/max cannot rule 'm' out");
    long pruned = m.rowGroupsPrunedByDictionary.get() - before;
    assertTrue(pruned >= groups - 2 && pruned < groups, "pruned " + pruned + " of " + groups);
    assertEquals(duck.rows("SELECT id, cat FROM (" + SOURCE + ") WHERE cat = 'm' ORDER BY id"),
        rows.stream().filter(r -> "m".equals(r.get(1))).toList());
  }

  @Test void inListAndMissingValues() {
    ScanMetrics m = table.metrics().orElseThrow();
    long before = m.rowGroupsPrunedByDictionary.get();
    assertEquals(List.of(), scan(List.of(new InList(CAT, List.of(Literal.ofString("b"), Literal.ofString("y"))))));
    assertEquals(groups, m.rowGroupsPrunedByDictionary.get() - before, "no group holds b or y");
    before = m.rowGroupsPrunedByDictionary.get();
    assertEquals(40000, scan(List.of(new InList(CAT, List.of(Literal.ofString("a"), Literal.ofString("q"))))).size());
    assertEquals(0, m.rowGroupsPrunedByDictionary.get() - before, "every group holds a");
  }
}
