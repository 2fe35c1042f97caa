package dev.ember.datasources.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.ScanMetrics;
import dev.ember.datasources.ScanSplit;
import dev.ember.datasources.catalog.DataSources;
import dev.ember.datasources.testing.Batches;
import dev.ember.datasources.testing.DuckDb;
import dev.ember.datasources.testing.TableCopy;
import dev.ember.datasources.parquet.ParquetTable;
import dev.ember.datasources.write.SaveMode;
import dev.ember.datasources.write.WriteSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Partitioned writes read back through discovery, with pruning from pushed filters; answers are
 * DuckDB's {@code hive_partitioning} read of the same directories.
 */
class PartitionedTableTest {
  private static final String SOURCE = """
      SELECT i AS id, 2019 + i % 4 AS year, ['red', 'green', 'blue', NULL][(i // 4) % 4 + 1] AS color,
             i * 1.5 AS amount
      FROM range(2000) r(i)
      """;

  @TempDir static Path dir;
  private static DuckDb duck;
  private static Path source;
  private BufferAllocator allocator;

  @BeforeAll static void start() {
    duck = new DuckDb();
    source = dir.resolve("source.parquet");
    duck.execute("COPY (" + SOURCE + ") TO '" + source + "' (FORMAT parquet)");
  }

  @AfterAll static void stop() { duck.close(); }

  @BeforeEach void allocate() { allocator = new RootAllocator(); }

  @AfterEach void checkNoLeak() { allocator.close(); }

  private Path writePartitioned(String format) {
    ParquetTable original = ParquetTable.open("src", source.toString());
    Path out = dir.resolve("by_" + format);
    Map<String, String> options = format.equals("csv") ? Map.of("header", "true") : Map.of();
    TableCopy.copy(original, new WriteSpec(format, out.toString(), SaveMode.OVERWRITE, original.schema(),
        List.of("year", "color"), options), allocator, 3, 300);
    return out;
  }

  private static AttributeRef ref(String name, DataType type) { return new AttributeRef(name, type, true, 1); }

  /** Rows of every split read with {@code filters}, sorted by id. */
  private List<List<Object>> scan(DataSourceTable t, List<Expr> filters) {
    List<List<Object>> rows = new ArrayList<>();
    for (ScanSplit split : t.splits(4)) {
      try (BatchReader r = t.open(split, t.schema().names(), filters, allocator, 256)) {
        for (VectorSchemaRoot b = r.next(); b != null; b = r.next()) {
          try (VectorSchemaRoot batch = b) {
            rows.addAll(Batches.rows(batch));
          }
        }
      }
    }
    rows.sort(Comparator.comparing(r -> (Long) r.get(0)));
    return rows;
  }

  @ParameterizedTest
  @ValueSource(strings = {"parquet", "csv", "json"})
  void discoversPartitionsAndPrunesThem(String format) {
    Path out = writePartitioned(format);
    assertTrue(Files.isDirectory(out.resolve("year=2020/color=__HIVE_DEFAULT_PARTITION__")));
    Schema declared = format.equals("parquet") ? null
        : Schema.of(new Field("id", DataType.BIGINT, true), new Field("amount", DataType.decimal(18, 1), true));
    Map<String, String> options = format.equals("csv") ? Map.of("header", "true") : Map.of();
    DataSourceTable t = DataSources.open(format, "t", options, out.toString(), declared);
    assertInstanceOf(PartitionedTable.class, t);
    assertEquals(List.of("id", "amount", "year", "color"), t.schema().names());
    assertEquals(DataType.INT, t.schema().field(2).type());
    assertEquals(DataType.VARCHAR, t.schema().field(3).type());
    String glob = out + "/**/*." + format;
    String reader = switch (format) {
      case "parquet" -> "read_parquet('" + glob + "', hive_partitioning = true)";
      case "csv" -> "read_csv('" + glob + "', hive_partitioning = true, header = true, columns = {'id': 'BIGINT', 'amount': 'DECIMAL(18,1)'})";
      default -> "read_json('" + glob + "', hive_partitioning = true, format = 'newline_delimited', columns = {'id': 'BIGINT', 'amount': 'DECIMAL(18,1)'})";
    };
    String select = "SELECT id, amount, year::INT, color FROM " + reader;

    assertEquals(duck.rows(select + " ORDER BY id"), scan(t, List.of()));
    ScanMetrics m = t.metrics().orElseThrow();
    assertEquals(0, m.partitionsPruned.get());
    assertEquals(16, m.partitionsScanned.get(), "4 years x 4 colors (one NULL)");

    Expr year2021 = BinaryOp.predicate(BinaryOp.Op.EQ, ref("year", DataType.INT), Literal.ofInt(2021));
    Expr redOrBlue = new InList(ref("color", DataType.VARCHAR), List.of(Literal.ofString("red"), Literal.ofString("blue")));
    long before = m.partitionsPruned.get();
    assertEquals(duck.rows(select + " WHERE year = 2021 AND color IN ('red', 'blue') ORDER BY id"),
        scan(t, List.of(year2021, redOrBlue)));
    assertEquals(14, m.partitionsPruned.get() - before, "only 2021/red and 2021/blue are read");
    assertTrue(m.filesPruned.get() >= 14, m.toString());

    Expr colorIsNull = new UnaryOp(UnaryOp.Op.IS_NULL, ref("color", DataType.VARCHAR), DataType.BOOLEAN);
    before = m.partitionsPruned.get();
    assertEquals(duck.rows(select + " WHERE color IS NULL ORDER BY id"), scan(t, List.of(colorIsNull)));
    assertEquals(12, m.partitionsPruned.get() - before);

    Expr dataFilter = BinaryOp.predicate(BinaryOp.Op.LT, ref("id", DataType.BIGINT), Literal.ofLong(10));
    before = m.partitionsPruned.get();
    assertEquals(duck.rows(select + " WHERE id < 10 ORDER BY id"),
        scan(t, List.of(dataFilter)).stream().filter(r -> (Long) r.get(0) < 10).toList(),
        "a data-column filter prunes no partition and loses no row");
    assertEquals(0, m.partitionsPruned.get() - before);
  }

  @Test void declaredTypesWinAndPartitionColumnsCanBeReadAlone() {
    Path out = writePartitioned("parquet");
    Schema declared = Schema.of(new Field("id", DataType.BIGINT, true), new Field("amount", DataType.decimal(21, 1), true),
        new Field("year", DataType.BIGINT, true), new Field("color", DataType.VARCHAR, true));
    DataSourceTable t = DataSources.open("parquet", "t", Map.of(), out.toString(), declared);
    assertEquals(declared, t.schema());
    List<List<Object>> years = new ArrayList<>(Batches.readAll(t, List.of("year"), allocator, 2, 1000));
    assertEquals(2000, years.size());
    assertEquals(500, years.stream().filter(r -> Long.valueOf(2022).equals(r.get(0))).count());
  }

  @Test void inconsistentLayoutsAreErrors() throws Exception {
    Path bad = dir.resolve("bad");
    Files.createDirectories(bad.resolve("a=1"));
    Files.createDirectories(bad.resolve("b=2"));
    duck.execute("COPY (SELECT 1 AS x) TO '" + bad.resolve("a=1/f.parquet") + "' (FORMAT parquet)");
    duck.execute("COPY (SELECT 1 AS x) TO '" + bad.resolve("b=2/f.parquet") + "' (FORMAT parquet)");
    EmberException e = assertThrows(EmberException.class, () -> DataSources.open("parquet", "t", Map.of(), bad.toString(), null));
    assertTrue(e.getMessage().contains("disagree"), e.getMessage());
  }
}
