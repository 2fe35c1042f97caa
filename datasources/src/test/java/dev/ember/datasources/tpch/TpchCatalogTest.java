package dev.ember.datasources.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.testing.Batches;
import dev.ember.datasources.testing.DuckDb;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated tables against DuckDB. DuckDB loads the generator's text output ({@code toLine},
 * a path independent of the typed getters the catalog uses) with the types its tpch extension
 * declares; both sides must then agree on every value.
 */
class TpchCatalogTest {
  @TempDir static Path dir;
  private static DuckDb duck;
  private final TpchCatalog catalog = new TpchCatalog();
  private BufferAllocator allocator;

  @BeforeAll static void loadDuckDb() throws IOException {
    duck = new DuckDb();
    for (TpchTable<?> t : TpchTable.getTables()) load(t);
  }

  /** Writes the generator's '|'-separated text and has DuckDB read it with declared types. */
  private static void load(TpchTable<?> t) throws IOException {
    Path file = dir.resolve(t.getTableName() + ".tbl");
    try (Writer w = Files.newBufferedWriter(file)) {
      for (TpchEntity e : t.createGenerator(0.01, 1, 1)) w.write(e.toLine() + "\n");
    }
    DataSourceTable table = new TpchCatalog().table("tiny", t.getTableName()).orElseThrow();
    String columns = table.schema().fields().stream()
        .map(f -> "'" + f.name() + "': '" + f.type().sql() + "'")
        .collect(Collectors.joining(", "));
    duck.execute("CREATE TABLE " + t.getTableName() + " AS SELECT * EXCLUDE (end_of_line) FROM read_csv('"
        + file + "', delim='|', header=false, quote='', escape='', columns={" + columns
        + ", 'end_of_line': 'VARCHAR'})");
  }

  @AfterAll static void closeDuckDb() { duck.close(); }

  @BeforeEach void allocate() { allocator = new RootAllocator(); }

  @AfterEach void checkNoLeak() { allocator.close(); }

  @Test void rowCountsAtTinyMatchTheSpec() {
    long[] expected = {150 * 10, 15_000, 60_175, 2_000, 8_000, 100, 25, 5};
    String[] names = {"customer", "orders", "lineitem", "part", "partsupp", "supplier", "nation", "region"};
    for (int i = 0; i < names.length; i++) {
      DataSourceTable t = catalog.table("tiny", names[i]).orElseThrow();
      long[] count = {0};
      Batches.forEachBatch(t, 3, List.of(), allocator, 4096, b -> count[0] += b.getRowCount());
      assertEquals(expected[i], count[0], names[i]);
      assertEquals(expected[i], t.statistics().rowCount().getAsLong(), names[i] + " statistics");
      assertEquals(expected[i], ((Number) duck.value("SELECT count(*) FROM " + names[i])).longValue());
    }
  }

  @Test void everyValueOfEveryTableMatchesDuckDb() {
    for (String name : catalog.tableNames()) {
      DataSourceTable t = catalog.table("tiny", name).orElseThrow();
      List<String> columns = t.schema().names();
      List<List<Object>> ours = sorted(Batches.readAll(t, columns, allocator, 4, 1000));
      List<List<Object>> theirs = sorted(duck.rows("SELECT * FROM " + name));
      assertEquals(theirs.size(), ours.size(), name);
      for (int r = 0; r < ours.size(); r++) assertEquals(theirs.get(r), ours.get(r), name + " row " + r);
    }
  }

  /** Without a comment column the generator runs over a small text pool: the other columns must not change. */
  @Test void columnsReadWithoutCommentsMatchDuckDb() {
    for (String name : catalog.tableNames()) {
      DataSourceTable t = catalog.table("tiny", name).orElseThrow();
      List<String> columns = t.schema().names().stream().filter(c -> !c.endsWith("_comment")).toList();
      assertTrue(columns.size() < t.schema().size(), name + " has a comment column");
      List<List<Object>> ours = sorted(Batches.readAll(t, columns, allocator, 3, 1000));
      List<List<Object>> theirs = sorted(duck.rows("SELECT " + String.join(", ", columns) + " FROM " + name));
      assertEquals(theirs, ours, name);
    }
  }

  @Test void aggregatesMatchDuckDb() {
    DataSourceTable lineitem = catalog.table("tiny", "lineitem").orElseThrow();
    BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO};
    long[] shipped = {0};
    Batches.forEachBatch(lineitem, 5, List.of("l_quantity", "l_extendedprice", "l_discount", "l_shipdate"),
        allocator, 777, b -> {
          for (List<Object> row : Batches.rows(b)) {
            BigDecimal price = (BigDecimal) row.get(1);
            sums[0] = sums[0].add((BigDecimal) row.get(0));
            sums[1] = sums[1].add(price.multiply(BigDecimal.ONE.subtract((BigDecimal) row.get(2))));
            if ((Long) row.get(3) <= java.time.LocalDate.of(1998, 9, 2).toEpochDay()) shipped[0]++;
          }
        });
    assertEquals(duck.value("SELECT sum(l_quantity) FROM lineitem"), sums[0]);
    assertEquals(duck.value("SELECT sum(l_extendedprice * (1 - l_discount)) FROM lineitem"), sums[1]);
    assertEquals(duck.value("SELECT count(*) FROM lineitem WHERE l_shipdate <= DATE '1998-09-02'"), shipped[0]);
  }

  @Test void schemaHasDuckDbTypesAndNoNulls() {
    DataSourceTable lineitem = catalog.table("TINY", "LineItem").orElseThrow();
    assertEquals("tpch.tiny.lineitem", lineitem.name());
    assertEquals(new Field("l_orderkey", DataType.BIGINT, false), lineitem.schema().field(0));
    assertEquals(new Field("l_linenumber", DataType.INT, false), lineitem.schema().field(3));
    assertEquals(new Field("l_quantity", DataType.decimal(15, 2), false), lineitem.schema().field(4));
    assertEquals(new Field("l_shipdate", DataType.DATE, false), lineitem.schema().field(10));
    assertEquals(new Field("l_comment", DataType.VARCHAR, false), lineitem.schema().field(15));
    for (String name : catalog.tableNames()) {
      for (Field f : catalog.table("sf1", name).orElseThrow().schema().fields()) assertFalse(f.nullable());
    }
    List<List<Object>> described = duck.rows("SELECT column_type FROM (DESCRIBE partsupp)");
    assertEquals(List.of(List.of("BIGINT"), List.of("BIGINT"), List.of("INTEGER"), List.of("DECIMAL(15,2)"),
        List.of("VARCHAR")), described);
  }

  @Test void schemasAndScales() {
    assertEquals(0.01, ((TpchGeneratedTable) catalog.table("tiny", "orders").orElseThrow()).scaleFactor());
    assertEquals(0.1, ((TpchGeneratedTable) catalog.table("sf0_1", "orders").orElseThrow()).scaleFactor());
    assertEquals(100.0, ((TpchGeneratedTable) catalog.table("sf100", "orders").orElseThrow()).scaleFactor());
    assertEquals(150_000_000L, catalog.table("sf100", "orders").orElseThrow().statistics().rowCount().getAsLong());
    assertEquals(6_001_215L, catalog.table("sf1", "lineitem").orElseThrow().statistics().rowCount().getAsLong());
    assertTrue(catalog.table("sf0", "orders").isEmpty());
    assertTrue(catalog.table("big", "orders").isEmpty());
    assertTrue(catalog.table("tiny", "nope").isEmpty());
    assertTrue(catalog.schemaNames().containsAll(List.of("tiny", "sf1", "sf10", "sf100")));
    assertEquals(8, catalog.tableNames().size());
    assertTrue(catalog.table(List.of("sf1", "nation")).isPresent());
    assertEquals(catalog.tableNames(), catalog.tableNames(List.of("sf10")));
  }

  @Test void splitsPartitionTheTableWithoutOverlap() {
    DataSourceTable orders = catalog.table("sf0_1", "orders").orElseThrow();
    assertEquals(8, orders.splits(8).size());
    assertEquals(1, catalog.table("sf100", "nation").orElseThrow().splits(8).size());
    assertEquals(1, catalog.table("tiny", "supplier").orElseThrow().splits(8).size());
    List<List<Object>> keys = Batches.readAll(orders, List.of("o_orderkey"), allocator, 8, 4096);
    assertEquals(150_000, keys.size());
    assertEquals(150_000, keys.stream().distinct().count());
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Object::toString));
    return copy;
  }
}
