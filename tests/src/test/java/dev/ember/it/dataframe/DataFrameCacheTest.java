package dev.ember.it.dataframe;

import static dev.ember.api.functions.avg;
import static dev.ember.api.functions.col;
import static dev.ember.api.functions.count;
import static dev.ember.api.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.DataFrame;
import dev.ember.api.Session;
import dev.ember.api.StorageLevel;
import dev.ember.datasources.tpch.TpchCatalog;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.it.TpchData;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Caching: a cached DataFrame's source is scanned once however many actions use it; evicted
 * MEMORY_ONLY data is recomputed from the plan, MEMORY_AND_DISK data is read back from disk;
 * SQL's CACHE TABLE and UNCACHE TABLE; answers stay DuckDB's throughout.
 */
class DataFrameCacheTest {
  private static final String SUMMARY_SQL = "SELECT l_returnflag, l_linestatus, sum(l_quantity) AS q, count(*) AS c "
      + "FROM lineitem WHERE l_discount > 0.05 GROUP BY l_returnflag, l_linestatus";

  private static Connection duck;
  private static DataFrameOracle oracle;
  private Session session;

  @BeforeAll static void setUp() throws Exception {
    duck = TpchData.openDuckDb();
    TpchData.generateInto(duck, TpchData.TINY);
    oracle = new DataFrameOracle(duck);
  }

  @AfterAll static void tearDown() throws Exception {
    if (duck != null) duck.close();
  }

  @AfterEach void stopAndCheck() {
    if (session != null) session.stop();
    assertEquals(0, MemoryManager.allocatedBytes(), "Arrow memory left allocated");
  }

  private CountingTable lineitem(Session s) {
    CountingTable t = new CountingTable(new TpchCatalog().table("tiny", "lineitem").orElseThrow());
    s.catalog().registerTable("lineitem", t);
    return t;
  }

  private static DataFrame summary(Session s) {
    return s.table("lineitem").filter(col("l_discount").gt(new java.math.BigDecimal("0.05")))
        .groupBy("l_returnflag", "l_linestatus").agg(sum("l_quantity").alias("q"), count(col("*")).alias("c"));
  }

  @Test void cachedDataFrameIsComputedOnce() {
    session = Session.builder().master("local[2]").getOrCreate();
    CountingTable source = lineitem(session);
    DataFrame df = summary(session).cache();
    assertEquals(StorageLevel.MEMORY_AND_DISK, df.storageLevel());
    assertEquals(0, source.scans.get(), "cache() alone runs nothing");
    oracle.assertSame("first action", SUMMARY_SQL, df);
    assertEquals(4, df.count());
    oracle.assertSame("derived", "SELECT l_returnflag, q FROM (" + SUMMARY_SQL + ") WHERE c > 1000",
        df.filter(col("c").gt(1000)).select("l_returnflag", "q"));
    assertEquals(1, source.scans.get(), "three actions, one scan of the source");
    df.unpersist();
    assertEquals(StorageLevel.NONE, df.storageLevel());
    assertEquals(4, df.count());
    assertEquals(2, source.scans.get(), "after unpersist the source is scanned again");
  }

  @Test void sqlSeesACachedDataFrameThroughItsView() {
    session = Session.builder().master("local[2]").getOrCreate();
    CountingTable source = lineitem(session);
    DataFrame df = summary(session).persist(StorageLevel.MEMORY_ONLY);
    df.createOrReplaceTempView("summary");
    oracle.assertSame("sql over cached view", "SELECT sum(c) AS n FROM (" + SUMMARY_SQL + ")", session.sql("SELECT sum(c) AS n FROM summary"));
    oracle.assertSame("dataframe", SUMMARY_SQL, df);
    assertEquals(1, source.scans.get());
  }

  @Test void evictedMemoryOnlyDataIsRecomputedAndDiskDataIsReadBack() {
    session = Session.builder().master("local[2]").config("ember.cache.maxBytes", "1").getOrCreate();
    CountingTable source = lineitem(session);
    DataFrame wide = session.table("lineitem").select("l_orderkey", "l_partkey", "l_comment");
    DataFrame memoryOnly = wide.filter(col("l_orderkey").lt(20000)).persist(StorageLevel.MEMORY_ONLY);
    DataFrame spilling = wide.filter(col("l_orderkey").geq(20000)).persist(StorageLevel.MEMORY_AND_DISK);
    String a = "SELECT count(*) AS c, sum(l_partkey) AS s FROM lineitem WHERE l_orderkey < 20000";
    String b = "SELECT count(*) AS c, sum(l_partkey) AS s FROM lineitem WHERE l_orderkey >= 20000";
    oracle.assertSame("memory only", a, memoryOnly.agg(count(col("*")).alias("c"), sum("l_partkey").alias("s")));
    oracle.assertSame("memory and disk", b, spilling.agg(count(col("*")).alias("c"), sum("l_partkey").alias("s")));
    assertEquals(2, source.scans.get());
    // Over a 1-byte budget every entry is evicted as soon as another is built: the MEMORY_ONLY
    // one was dropped and is recomputed; the MEMORY_AND_DISK one went to disk and is read back.
    oracle.assertSame("memory only again", a, memoryOnly.agg(count(col("*")).alias("c"), sum("l_partkey").alias("s")));
    assertEquals(3, source.scans.get(), "the dropped MEMORY_ONLY data is rebuilt from its plan");
    oracle.assertSame("memory and disk again", b, spilling.agg(count(col("*")).alias("c"), sum("l_partkey").alias("s")));
    assertEquals(3, source.scans.get(), "the spilled data is read from disk, not recomputed");
  }

  @Test void diskOnly() {
    session = Session.builder().master("local[2]").getOrCreate();
    CountingTable source = lineitem(session);
    DataFrame df = summary(session).persist(StorageLevel.DISK_ONLY);
    oracle.assertSame("disk only", SUMMARY_SQL, df);
    oracle.assertSame("disk only again", SUMMARY_SQL, df.select("*"));
    assertEquals(1, source.scans.get());
  }

  @Test void cacheTableAndUncacheTableInSql() {
    session = Session.builder().master("local[2]").getOrCreate();
    CountingTable source = lineitem(session);
    session.sql("CACHE TABLE lineitem");
    assertEquals(1, source.scans.get(), "CACHE TABLE computes now");
    assertTrue(session.catalog().isCached("lineitem"));
    oracle.assertSame("cached table", "SELECT l_shipmode, avg(l_extendedprice) AS a FROM lineitem GROUP BY l_shipmode",
        session.sql("SELECT l_shipmode, avg(l_extendedprice) AS a FROM lineitem GROUP BY l_shipmode"));
    oracle.assertSame("cached table via DataFrame", SUMMARY_SQL, summary(session));
    assertEquals(1, source.scans.get());
    session.sql("UNCACHE TABLE lineitem");
    oracle.assertSame("uncached", "SELECT avg(l_tax) AS t FROM lineitem", session.table("lineitem").agg(avg(col("l_tax")).alias("t")));
    assertEquals(2, source.scans.get());
    session.sql("CACHE LAZY TABLE big AS SELECT * FROM lineitem WHERE l_quantity > 40");
    assertEquals(2, source.scans.get(), "LAZY computes on first use");
    oracle.assertSame("cache as select", "SELECT count(*) AS c FROM lineitem WHERE l_quantity > 40", session.sql("SELECT count(*) AS c FROM big"));
    oracle.assertSame("cache as select again", "SELECT max(l_quantity) AS m FROM lineitem WHERE l_quantity > 40", session.sql("SELECT max(l_quantity) AS m FROM big"));
    assertEquals(3, source.scans.get());
  }
}
