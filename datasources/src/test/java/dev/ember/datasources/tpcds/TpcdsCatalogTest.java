package dev.ember.datasources.tpcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.ScanSplit;
import dev.ember.datasources.testing.Batches;
import dev.ember.datasources.testing.DuckDb;
import io.trino.tpcds.Results;
import io.trino.tpcds.Session;
import io.trino.tpcds.Table;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
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
 * The generated tables against DuckDB. DuckDB loads the generator's raw text (a path independent
 * of the parsing the catalog does) with the types its tpcds extension declares; both sides must
 * then agree on every value, NULLs included.
 */
class TpcdsCatalogTest {
  /** The tables compared value by value. */
  private static final List<String> COMPARED = List.of("store_sales", "item", "date_dim", "customer");

  @TempDir static Path dir;
  private static DuckDb duck;
  private final TpcdsCatalog catalog = new TpcdsCatalog();
  private BufferAllocator allocator;

  @BeforeAll static void loadDuckDb() throws IOException {
    duck = new DuckDb();
    for (String name : COMPARED) load(name);
  }

  /** Writes the generator's rows as '|'-separated text, NULL as \N, and has DuckDB read them typed. */
  private static void load(String name) throws IOException {
    Table t = Table.getTable(name);
    Path file = dir.resolve(name + ".dat");
    try (Writer w = Files.newBufferedWriter(file)) {
      for (List<List<String>> rows : Results.constructResults(t, session(t))) {
        List<String> row = rows.get(0);
        for (int c = 0; c < row.size(); c++) {
          String v = row.get(c);
          if (v != null && (v.indexOf('|') >= 0 || v.indexOf('\n') >= 0 || v.equals("\\N"))) {
            throw new AssertionError("value needs quoting: " + v);
          }
          if (c > 0) w.write('|');
          w.write(v == null ? "\\N" : v);
        }
        w.write('\n');
      }
    }
    DataSourceTable table = new TpcdsCatalog().table("tiny", name).orElseThrow();
    String columns = table.schema().fields().stream()
        .map(f -> "'" + f.name() + "': '" + f.type().sql() + "'")
        .collect(Collectors.joining(", "));
    duck.execute("CREATE TABLE " + name + " AS SELECT * FROM read_csv('" + file + "', delim='|', header=false,"
        + " quote='', escape='', nullstr='\\N', columns={" + columns + "})");
  }

  private static Session session(Table t) {
    return Session.getDefaultSession().withScale(0.01).withParallelism(1).withChunkNumber(1).withTable(t)
        .withNoSexism(false);
  }

  @AfterAll static void closeDuckDb() { duck.close(); }

  @BeforeEach void allocate() { allocator = new RootAllocator(); }

  @AfterEach void checkNoLeak() { allocator.close(); }

  @Test void rowCountsOfEveryTableAtTiny() {
    // Counted straight from the generator (io.trino.tpcds at SF 0.01), not through the catalog.
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("call_center", 2L);
    expected.put("catalog_page", 11_718L);
    expected.put("catalog_returns", 8_923L);
    expected.put("catalog_sales", 89_807L);
    expected.put("customer", 1_000L);
    expected.put("customer_address", 1_000L);
    expected.put("customer_demographics", 1_920_800L);
    expected.put("date_dim", 73_049L);
    expected.put("household_demographics", 7_200L);
    expected.put("income_band", 20L);
    expected.put("inventory", 261_261L);
    expected.put("item", 2_000L);
    expected.put("promotion", 3L);
    expected.put("reason", 1L);
    expected.put("ship_mode", 20L);
    expected.put("store", 2L);
    expected.put("store_returns", 11_925L);
    expected.put("store_sales", 120_527L);
    expected.put("time_dim", 86_400L);
    expected.put("warehouse", 1L);
    expected.put("web_page", 2L);
    expected.put("web_returns", 1_152L);
    expected.put("web_sales", 11_876L);
    expected.put("web_site", 2L);
    assertEquals(List.copyOf(expected.keySet()), catalog.tableNames());
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      DataSourceTable t = catalog.table("tiny", e.getKey()).orElseThrow();
      String first = t.schema().field(0).name();
      long[] count = {0};
      Batches.forEachBatch(t, 4, List.of(first), allocator, 4096, b -> count[0] += b.getRowCount());
      assertEquals(e.getValue(), count[0], e.getKey());
      assertEquals(e.getValue(), t.statistics().rowCount().getAsLong(), e.getKey() + " statistics");
    }
    for (String name : COMPARED) {
      assertEquals(expected.get(name), ((Number) duck.value("SELECT count(*) FROM " + name)).longValue(), name);
    }
  }

  @Test void everyValueOfComparedTablesMatchesDuckDb() {
    for (String name : COMPARED) {
      DataSourceTable t = catalog.table("tiny", name).orElseThrow();
      // Chunks are contiguous runs of the generator's order, so split order is DuckDB's file order.
      List<List<Object>> ours = Batches.readAll(t, t.schema().names(), allocator, 3, 1000);
      List<List<Object>> theirs = duck.rows("SELECT * FROM " + name);
      assertEquals(theirs.size(), ours.size(), name);
      for (int r = 0; r < ours.size(); r++) assertEquals(theirs.get(r), ours.get(r), name + " row " + r);
    }
  }

  @Test void nullsWhereTpcdsHasThem() {
    for (String name : COMPARED) {
      DataSourceTable t = catalog.table("tiny", name).orElseThrow();
      List<Field> fields = t.schema().fields();
      long[] nulls = new long[fields.size()];
      Batches.forEachBatch(t, 2, t.schema().names(), allocator, 2048, b -> {
        for (int c = 0; c < nulls.length; c++) nulls[c] += b.getVector(c).getNullCount();
      });
      long total = 0;
      for (int c = 0; c < nulls.length; c++) {
        Field f = fields.get(c);
        long theirs = ((Number) duck.value("SELECT count(*) FROM " + name + " WHERE " + f.name() + " IS NULL"))
            .longValue();
        assertEquals(theirs, nulls[c], name + "." + f.name());
        if (!f.nullable()) assertEquals(0, nulls[c], name + "." + f.name() + " is a key");
        total += nulls[c];
      }
      // date_dim is the one compared table the spec generates without NULLs.
      assertEquals(!name.equals("date_dim"), total > 0, name + " NULLs: " + total);
    }
    DataSourceTable sales = catalog.table("tiny", "store_sales").orElseThrow();
    long[] customerNulls = {0};
    Batches.forEachBatch(sales, 1, List.of("ss_customer_sk"), allocator, 4096,
        b -> customerNulls[0] += b.getVector(0).getNullCount());
    assertTrue(customerNulls[0] > 1_000, "ss_customer_sk NULLs: " + customerNulls[0]);
  }

  @Test void schemaHasDuckDbTypes() {
    DataSourceTable sales = catalog.table("TINY", "Store_Sales").orElseThrow();
    assertEquals("tpcds.tiny.store_sales", sales.name());
    assertEquals(new Field("ss_sold_date_sk", DataType.INT, true), sales.schema().field(0));
    assertEquals(new Field("ss_item_sk", DataType.INT, false), sales.schema().field(2));
    assertEquals(new Field("ss_ticket_number", DataType.INT, false), sales.schema().field(9));
    assertEquals(new Field("ss_sales_price", DataType.decimal(7, 2), true), sales.schema().field(13));
    assertEquals(23, sales.schema().size());
    DataSourceTable address = catalog.table("sf1", "customer_address").orElseThrow();
    assertEquals(new Field("ca_address_sk", DataType.INT, false), address.schema().field(0));
    assertEquals(new Field("ca_gmt_offset", DataType.decimal(5, 2), true), address.schema().field(11));
    assertEquals(new Field("d_date", DataType.DATE, true),
        catalog.table("sf1", "date_dim").orElseThrow().schema().field(2));
    assertEquals(new Field("i_item_id", DataType.VARCHAR, true),
        catalog.table("sf1", "item").orElseThrow().schema().field(1));
    List<List<Object>> described = duck.rows("SELECT column_type FROM (DESCRIBE item) LIMIT 7");
    assertEquals(List.of(List.of("INTEGER"), List.of("VARCHAR"), List.of("DATE"), List.of("DATE"),
        List.of("VARCHAR"), List.of("DECIMAL(7,2)"), List.of("DECIMAL(7,2)")), described);
  }

  @Test void schemasAndScales() {
    assertEquals(0.01, ((TpcdsGeneratedTable) catalog.table("tiny", "item").orElseThrow()).scaleFactor());
    assertEquals(0.1, ((TpcdsGeneratedTable) catalog.table("sf0_1", "item").orElseThrow()).scaleFactor());
    assertEquals(100_000L, catalog.table("sf1", "customer").orElseThrow().statistics().rowCount().getAsLong());
    assertEquals(2_880_404L, catalog.table("sf1", "store_sales").orElseThrow().statistics().rowCount().getAsLong());
    long sf10 = catalog.table("sf10", "store_sales").orElseThrow().statistics().rowCount().getAsLong();
    assertTrue(sf10 > 25_000_000L && sf10 < 32_000_000L, "sf10 store_sales estimate " + sf10);
    assertTrue(catalog.table("sf0", "item").isEmpty());
    assertTrue(catalog.table("big", "item").isEmpty());
    assertTrue(catalog.table("tiny", "dbgen_version").isEmpty());
    assertTrue(catalog.table("tiny", "lineitem").isEmpty());
    assertTrue(catalog.schemaNames().containsAll(List.of("tiny", "sf1", "sf10", "sf100")));
    assertEquals(24, catalog.tableNames().size());
    assertTrue(catalog.table(List.of("sf1", "store")).isPresent());
    assertEquals(catalog.tableNames(), catalog.tableNames(List.of("sf10")));
    assertEquals(List.of(), catalog.tableNames(List.of("nope")));
  }

  @Test void splitsPartitionTheTableWithoutOverlap() {
    DataSourceTable sales = catalog.table("tiny", "store_sales").orElseThrow();
    assertEquals(8, sales.splits(8).size());
    assertEquals(1, catalog.table("sf100", "call_center").orElseThrow().splits(8).size());
    assertEquals(1, catalog.table("tiny", "item").orElseThrow().splits(8).size());
    List<List<Object>> keys = Batches.readAll(sales, List.of("ss_ticket_number", "ss_item_sk"), allocator, 8, 4096);
    assertEquals(120_527, keys.size());
    assertEquals(120_527, keys.stream().distinct().count());
    // A child table (returns are generated with their sales) chunks the same way.
    DataSourceTable returns = catalog.table("tiny", "store_returns").orElseThrow();
    List<List<Object>> returned = new ArrayList<>();
    for (int part = 1; part <= 4; part++) {
      returned.addAll(readSplit(returns, new TpcdsSplit("store_returns", 0.01, part, 4),
          List.of("sr_ticket_number", "sr_item_sk")));
    }
    assertEquals(11_925, returned.size());
    assertEquals(11_925, returned.stream().distinct().count());
    assertFalse(returned.contains(null));
  }

  /** Tasks read splits on many threads at once; the generator must give each the same rows. */
  @Test void splitsReadConcurrentlyGiveTheSameRows() throws Exception {
    DataSourceTable sales = catalog.table("tiny", "store_sales").orElseThrow();
    List<String> columns = List.of("ss_ticket_number", "ss_item_sk", "ss_net_profit", "ss_customer_sk");
    List<ScanSplit> splits = sales.splits(4);
    List<List<List<Object>>> sequential = new ArrayList<>();
    for (ScanSplit split : splits) sequential.add(readSplit(sales, split, columns));
    ExecutorService pool = Executors.newFixedThreadPool(splits.size());
    try {
      List<Future<List<List<Object>>>> parallel = new ArrayList<>();
      for (ScanSplit split : splits) parallel.add(pool.submit(() -> readSplit(sales, split, columns)));
      for (int i = 0; i < splits.size(); i++) assertEquals(sequential.get(i), parallel.get(i).get(), "split " + i);
    } finally {
      pool.shutdownNow();
    }
  }

  private List<List<Object>> readSplit(DataSourceTable table, ScanSplit split, List<String> columns) {
    List<List<Object>> rows = new ArrayList<>();
    try (BatchReader reader = table.open(split, columns, List.of(), allocator, 4096)) {
      for (VectorSchemaRoot next = reader.next(); next != null; next = reader.next()) {
        try (VectorSchemaRoot b = next) {
          rows.addAll(Batches.rows(b));
        }
      }
    }
    return rows;
  }

  @Test void decimalAndDateTextParsing() {
    assertEquals(-77_973L, TpcdsColumns.unscaled("-779.73", 2));
    assertEquals(-500L, TpcdsColumns.unscaled("-5", 2));
    assertEquals(50L, TpcdsColumns.unscaled("0.5", 2));
    assertEquals(0L, TpcdsColumns.unscaled("0.00", 2));
    assertEquals(java.time.LocalDate.of(1900, 1, 2).toEpochDay(), TpcdsColumns.epochDay("1900-01-02"));
    for (String bad : new String[] {"", "-", "1.234", "1e5", "1.2.3"}) {
      org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
          () -> TpcdsColumns.unscaled(bad, 2), bad);
    }
  }
}
