package dev.ember.it.dataframe;

import static dev.ember.api.functions.col;
import static dev.ember.api.functions.lit;
import static dev.ember.api.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.DataFrame;
import dev.ember.api.Row;
import dev.ember.api.RowFactory;
import dev.ember.api.RowIterator;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DataFrame actions and session entry points, with DuckDB's answers where there is a question to ask. */
class DataFrameActionsTest extends DataFrameComparison {
  private static Object duckValue(String sql) throws Exception {
    try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getObject(1);
    }
  }

  @Test void countFirstTakeAndTypedGetters() throws Exception {
    DataFrame orders = session.table("tpch.tiny.orders");
    assertEquals(((Number) duckValue("SELECT count(*) FROM orders WHERE o_orderstatus = 'F'")).longValue(),
        orders.filter(col("o_orderstatus").equalTo("F")).count());
    Row r = orders.filter(col("o_orderkey").equalTo(1)).first();
    try (Statement s = duck.createStatement();
         ResultSet rs = s.executeQuery("SELECT o_orderkey, o_custkey, o_totalprice, o_orderdate, o_orderpriority, o_shippriority FROM orders WHERE o_orderkey = 1")) {
      rs.next();
      assertEquals(rs.getLong(1), r.getLong(r.fieldIndex("o_orderkey")));
      assertEquals(rs.getLong(2), r.getLong(1));
      assertEquals(rs.getBigDecimal(3), r.getDecimal(r.fieldIndex("O_TOTALPRICE")));
      assertEquals(rs.getObject(4, LocalDate.class), r.getDate(r.fieldIndex("o_orderdate")));
      assertEquals(rs.getString(5), r.getString(r.fieldIndex("o_orderpriority")));
      assertEquals(rs.getInt(6), r.getInt(r.fieldIndex("o_shippriority")));
      assertEquals(rs.getString(5), r.<String>getAs("o_orderpriority"));
    }
    List<Row> five = orders.orderBy("o_orderkey").take(5);
    assertEquals(5, five.size());
    assertEquals(orders.orderBy("o_orderkey").head(5), five);
  }

  @Test void createDataFrameRoundTripsEveryType() {
    Schema schema = Schema.of(new Field("b", DataType.BOOLEAN, true), new Field("i", DataType.INT, true),
        new Field("l", DataType.BIGINT, true), new Field("d", DataType.DOUBLE, true), new Field("s", DataType.VARCHAR, true),
        new Field("m", DataType.decimal(12, 2), true), new Field("big", DataType.decimal(30, 4), true),
        new Field("dt", DataType.DATE, true), new Field("ts", DataType.TIMESTAMP, true));
    Row full = RowFactory.create(true, 7, 1L << 40, 2.5, "héllo", new BigDecimal("1234.50"), new BigDecimal("12345678901234567890.1234"),
        LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 13, 45, 1, 123456000));
    Row nulls = RowFactory.create(null, null, null, null, null, null, null, null, null);
    DataFrame df = session.createDataFrame(List.of(full, nulls), schema);
    List<Row> back = df.collectAsList();
    assertEquals(2, back.size());
    Row a = back.get(0);
    assertTrue(a.getBoolean(0));
    assertEquals(7, a.getInt(1));
    assertEquals(1L << 40, a.getLong(2));
    assertEquals(2.5, a.getDouble(3));
    assertEquals("héllo", a.getString(4));
    assertEquals(new BigDecimal("1234.50"), a.getDecimal(5));
    assertEquals(new BigDecimal("12345678901234567890.1234"), a.getDecimal(6));
    assertEquals(LocalDate.of(2024, 2, 29), a.getDate(7));
    assertEquals(LocalDateTime.of(2024, 2, 29, 13, 45, 1, 123456000), a.getTimestamp(8));
    for (int i = 0; i < schema.size(); i++) assertTrue(back.get(1).isNullAt(i));
    assertEquals(1, df.filter(col("s").isNull()).count());
  }

  @Test void rangeMatchesDuckDb() {
    oracle.assertSame("range", "SELECT range AS id FROM range(3, 100003, 7)", session.range(3, 100003, 7));
    oracle.assertSame("range sum", "SELECT sum(range) AS s FROM range(1000000)", session.range(1_000_000).agg(sum("id").alias("s")));
  }

  @Test void showPrintsSparksTable() {
    Schema schema = Schema.of(new Field("id", DataType.INT, false), new Field("name", DataType.VARCHAR, true));
    DataFrame df = session.createDataFrame(List.of(RowFactory.create(1, "a"), RowFactory.create(22, null),
        RowFactory.create(3, "a rather long name that is cut")), schema).orderBy("id");
    assertEquals("""
        +---+--------------------+
        | id|                name|
        +---+--------------------+
        |  1|                   a|
        |  3|a rather long nam...|
        +---+--------------------+
        only showing top 2 rows
        """, df.showString(2, true));
    String all = df.showString(20, false);
    assertTrue(all.contains("| 22|                          null|"), all);
    assertTrue(all.contains("|  3|a rather long name that is cut|"), all);
    assertFalse(all.contains("only showing"), all);
  }

  @Test void toLocalIteratorStreamsAndStopsEarly() {
    DataFrame li = session.table("tpch.tiny.lineitem");
    long n = 0;
    try (RowIterator it = li.toLocalIterator()) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    assertEquals(li.count(), n);
    try (RowIterator it = li.toLocalIterator()) {
      assertTrue(it.hasNext());
      it.next();
    }
  }

  @Test void schemaColumnsAndExplain() {
    DataFrame df = session.table("tpch.tiny.nation").select(col("n_name"), col("n_regionkey").plus(lit(1L)).alias("r"));
    assertEquals(List.of("n_name", "r"), List.of(df.columns()));
    assertEquals(List.of(Map.entry("n_name", "VARCHAR"), Map.entry("r", "BIGINT")), df.dtypes());
    assertEquals("root\n |-- n_name: varchar (nullable = false)\n |-- r: bigint (nullable = false)\n", df.schemaString());
    String plan = df.explainString("simple");
    assertTrue(plan.contains("== Optimized Logical Plan ==") && plan.contains("== Physical Plan =="), plan);
    assertTrue(df.explainString("extended").contains("== Analyzed Logical Plan =="));
    assertTrue(df.explainString("FORMATTED").contains("n_regionkey"));
    assertThrows(EmberException.class, () -> df.explainString("verbose"));
    df.createOrReplaceTempView("nat");
    String viaView = session.sql("EXPLAIN SELECT * FROM nat").collectAsList().get(0).getString(0);
    assertTrue(viaView.contains("Scan tpch.tiny.nation"), viaView);
  }

  @Test void tempViewsAndSql() {
    DataFrame big = session.table("tpch.tiny.customer").filter(col("c_acctbal").gt(9000));
    big.createOrReplaceTempView("rich");
    oracle.assertSame("view self-join", "SELECT count(*) AS c FROM customer a JOIN customer b ON a.c_nationkey = b.c_nationkey "
            + "WHERE a.c_acctbal > 9000 AND b.c_acctbal > 9000",
        session.sql("SELECT count(*) AS c FROM rich a JOIN rich b ON a.c_nationkey = b.c_nationkey"));
    assertTrue(session.catalog().tableExists("rich"));
    assertTrue(session.catalog().listTables().stream().anyMatch(t -> t.name().equals("rich") && t.isTemporary()));
    assertEquals(8, session.catalog().listColumns("rich").size());
    DataFrame shown = session.sql("SHOW TABLES");
    assertTrue(shown.collectAsList().stream().anyMatch(r -> r.getString(1).equals("rich")));
    assertTrue(session.catalog().dropTempView("rich"));
    assertFalse(session.catalog().tableExists("rich"));
  }

  @Test void describeGivesSparksStatistics() throws Exception {
    DataFrame d = session.table("tpch.tiny.part").describe("p_size", "p_brand");
    List<Row> rows = d.collectAsList();
    assertEquals(List.of("summary", "p_size", "p_brand"), List.of(d.columns()));
    assertEquals(List.of("count", "mean", "stddev", "min", "max"), rows.stream().map(r -> r.getString(0)).toList());
    assertEquals(((Number) duckValue("SELECT count(p_size) FROM part")).longValue(), Long.parseLong(rows.get(0).getString(1)));
    assertEquals(((Number) duckValue("SELECT avg(p_size) FROM part")).doubleValue(), Double.parseDouble(rows.get(1).getString(1)), 1e-9);
    assertEquals(((Number) duckValue("SELECT stddev_samp(p_size) FROM part")).doubleValue(), Double.parseDouble(rows.get(2).getString(1)), 1e-9);
    assertEquals(duckValue("SELECT min(p_brand) FROM part"), rows.get(3).getString(2));
    assertEquals(duckValue("SELECT max(p_brand) FROM part"), rows.get(4).getString(2));
    assertNull(rows.get(1).getString(2));
  }
}
