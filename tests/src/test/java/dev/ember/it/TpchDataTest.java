package dev.ember.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trino.tpch.LineItem;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the reference data itself, independently of Ember: the cache holds every table with
 * the TPC-H row counts and DuckDB tpch's types, decimals equal the generator's cents exactly,
 * and a finished cache is reused rather than rewritten.
 */
class TpchDataTest {
  private static Connection duck;
  private static Path dir;

  @BeforeAll static void setUp() throws Exception {
    dir = TpchData.parquetDir(TpchData.TINY);
    duck = TpchData.openDuckDb();
  }

  @AfterAll static void tearDown() throws Exception {
    if (duck != null) duck.close();
  }

  /** TPC-H's cardinalities at SF 0.01: SF times the spec's base counts; lineitem's (about SF × 6M) is dbgen's. */
  @Test void everyTableHasTheSpecifiedRowCount() throws Exception {
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("customer", 1_500L);
    expected.put("orders", 15_000L);
    expected.put("lineitem", 60_175L);
    expected.put("part", 2_000L);
    expected.put("partsupp", 8_000L);
    expected.put("supplier", 100L);
    expected.put("nation", 25L);
    expected.put("region", 5L);
    assertEquals(List.copyOf(expected.keySet()), TpchData.tableNames());
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      assertEquals(e.getValue(), scalar("SELECT count(*) FROM read_parquet('"
          + TpchData.sqlPath(dir.resolve(e.getKey() + ".parquet")) + "')"), e.getKey());
    }
  }

  @Test void columnsHaveDuckDbTpchTypes() throws Exception {
    Map<String, String> types = new LinkedHashMap<>();
    try (Statement s = duck.createStatement();
         ResultSet rs = s.executeQuery("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('"
             + TpchData.sqlPath(dir.resolve("lineitem.parquet")) + "'))")) {
      while (rs.next()) types.put(rs.getString(1), rs.getString(2));
    }
    assertEquals("BIGINT", types.get("l_orderkey"));
    assertEquals("BIGINT", types.get("l_suppkey"));
    assertEquals("INTEGER", types.get("l_linenumber"));
    assertEquals("DECIMAL(15,2)", types.get("l_quantity"));
    assertEquals("DECIMAL(15,2)", types.get("l_extendedprice"));
    assertEquals("DECIMAL(15,2)", types.get("l_discount"));
    assertEquals("DATE", types.get("l_shipdate"));
    assertEquals("VARCHAR", types.get("l_comment"));
    assertEquals(16, types.size());
  }

  /** The loaded decimals are the generator's integer cents, summed here without DuckDB. */
  @Test void moneyIsExactCents() throws Exception {
    long cents = 0;
    long quantity = 0;
    for (LineItem li : TpchTable.LINE_ITEM.createGenerator(TpchData.TINY, 1, 1)) {
      cents += li.getExtendedPriceInCents();
      quantity += li.getQuantity();
    }
    String file = TpchData.sqlPath(dir.resolve("lineitem.parquet"));
    assertEquals(0, BigDecimal.valueOf(cents, 2).compareTo((BigDecimal) scalar(
        "SELECT sum(l_extendedprice) FROM read_parquet('" + file + "')")));
    assertEquals(0, BigDecimal.valueOf(quantity).compareTo((BigDecimal) scalar(
        "SELECT sum(l_quantity) FROM read_parquet('" + file + "')")));
  }

  @Test void aFinishedCacheIsReusedAndNoTemporaryDirectoryIsLeft() throws Exception {
    Path lineitem = dir.resolve("lineitem.parquet");
    var before = Files.getLastModifiedTime(lineitem);
    assertEquals(dir, TpchData.parquetDir(TpchData.TINY));
    assertEquals(before, Files.getLastModifiedTime(lineitem));
    try (Stream<Path> siblings = Files.list(dir.getParent())) {
      assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "temporary cache left behind");
    }
  }

  @Test void scaleNames() {
    assertEquals("0.01", TpchData.scaleName(0.01));
    assertEquals("1", TpchData.scaleName(1.0));
    assertEquals("10", TpchData.scaleName(10));
  }

  private static Object scalar(String sql) throws Exception {
    try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getObject(1);
    }
  }
}
