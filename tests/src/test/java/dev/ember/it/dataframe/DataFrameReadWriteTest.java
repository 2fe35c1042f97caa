package dev.ember.it.dataframe;

import static dev.ember.api.functions.col;
import static dev.ember.api.functions.lit;
import static dev.ember.api.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.DataFrame;
import dev.ember.api.Row;
import dev.ember.api.RowFactory;
import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.it.TpchData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code df.write()} and {@code session.read()}: round trips of every supported type with NULLs in
 * Parquet, CSV and JSON; save modes; partitioned output DuckDB reads back; a write failing half
 * way leaves the target as it was; saveAsTable.
 */
class DataFrameReadWriteTest {
  private static final Schema SCHEMA = Schema.of(new Field("b", DataType.BOOLEAN, true), new Field("i", DataType.INT, true),
      new Field("l", DataType.BIGINT, true), new Field("d", DataType.DOUBLE, true), new Field("s", DataType.VARCHAR, true),
      new Field("m", DataType.decimal(12, 2), true), new Field("dt", DataType.DATE, true), new Field("ts", DataType.TIMESTAMP, true));

  private static Session session;
  private static Connection duck;
  @TempDir Path dir;

  @BeforeAll static void setUp() throws Exception {
    session = Session.builder().master("local[2]").getOrCreate();
    duck = TpchData.openDuckDb();
  }

  @AfterAll static void tearDown() throws Exception {
    if (session != null) session.stop();
    if (duck != null) duck.close();
  }

  @AfterEach void noLeak() { assertEquals(0, MemoryManager.allocatedBytes(), "Arrow memory left allocated"); }

  private static DataFrame everyType() {
    List<Row> rows = List.of(
        RowFactory.create(true, 1, 10L, 1.5, "plain", new BigDecimal("12.34"), LocalDate.of(2024, 1, 31), LocalDateTime.of(2024, 1, 31, 8, 30, 0, 250000000)),
        RowFactory.create(false, -2, -20L, -0.25, "quote \" comma , newline\nend", new BigDecimal("-0.01"), LocalDate.of(1969, 12, 31), LocalDateTime.of(1999, 12, 31, 23, 59, 59)),
        RowFactory.create(null, null, null, null, null, null, null, null));
    return session.createDataFrame(rows, SCHEMA);
  }

  @ParameterizedTest @ValueSource(strings = {"parquet", "csv", "json"})
  void roundTripKeepsEveryTypeAndNull(String format) {
    String path = dir.resolve("out." + format).toString();
    DataFrame df = everyType();
    df.write().format(format).option("header", "true").save(path);
    DataFrame back = session.read().format(format).option("header", "true").schema(SCHEMA).load(path);
    assertEquals(sorted(df.collectAsList()), sorted(back.collectAsList()), format);
  }

  private static List<String> sorted(List<Row> rows) { return rows.stream().map(Row::toString).sorted().toList(); }

  @Test void saveModes() {
    String path = dir.resolve("modes").toString();
    DataFrame ten = session.range(10);
    ten.write().parquet(path);
    EmberException e = assertThrows(EmberException.class, () -> ten.write().parquet(path));
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    ten.write().mode("append").parquet(path);
    assertEquals(20, session.read().parquet(path).count());
    session.range(3).write().mode("overwrite").parquet(path);
    assertEquals(3, session.read().parquet(path).count());
    ten.write().mode("ignore").parquet(path);
    assertEquals(3, session.read().parquet(path).count());
  }

  @Test void partitionedWriteReadsBackInDuckDb() throws Exception {
    String path = dir.resolve("parts").toString();
    session.table("tpch.tiny.nation").write().partitionBy("n_regionkey").parquet(path);
    assertTrue(Files.isDirectory(dir.resolve("parts").resolve("n_regionkey=1")));
    TpchData.generateInto(duck, TpchData.TINY);
    new DataFrameOracle(duck).assertSame("partitioned", "SELECT n_regionkey, count(*) AS c FROM read_parquet('"
            + path.replace("'", "''") + "/*/*.parquet', hive_partitioning = true) GROUP BY n_regionkey",
        session.table("tpch.tiny.nation").groupBy("n_regionkey").agg(dev.ember.api.functions.count(col("*")).alias("c"))
            .select(col("n_regionkey"), col("c")));
  }

  @Test void failedWriteLeavesTargetAsItWas() throws IOException {
    Path target = dir.resolve("keep");
    String path = target.toString();
    session.range(5).write().parquet(path);
    List<Path> before = files(target);
    DataFrame failing = session.range(0, 200_000).select(
        when(col("id").equalTo(150_000L), lit("x")).otherwise(col("id").cast("string")).cast("int").alias("v"));
    assertThrows(EmberException.class, () -> failing.write().mode("overwrite").parquet(path));
    assertEquals(before, files(target));
    assertEquals(5, session.read().parquet(path).count());
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(target), s.toList(), "no staging directory is left behind");
    }
  }

  private static List<Path> files(Path d) throws IOException {
    try (Stream<Path> s = Files.walk(d)) {
      return s.sorted(Comparator.naturalOrder()).toList();
    }
  }

  @Test void saveAsTable() {
    Session s = Session.builder().master("local[2]").config("ember.catalog.dir", dir.resolve("catalog").toString()).getOrCreate();
    try {
      s.table("tpch.tiny.region").write().saveAsTable("regions");
      assertEquals(5, s.table("regions").count());
      assertThrows(EmberException.class, () -> s.table("tpch.tiny.region").write().saveAsTable("regions"));
      s.table("tpch.tiny.region").write().mode("append").saveAsTable("regions");
      assertEquals(10, s.sql("SELECT * FROM regions").count());
    } finally {
      s.stop();
    }
  }
}
