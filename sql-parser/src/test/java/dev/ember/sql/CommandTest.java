package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ember's commands: what they parse to, and the positions of their errors. */
class CommandTest {
  private static Statement parse(String sql) { return Tests.FRONT_END.parse(sql); }

  @Test void explainModes() {
    Explain simple = assertInstanceOf(Explain.class, parse("EXPLAIN SELECT a FROM t"));
    assertEquals(ExplainMode.SIMPLE, simple.mode());
    assertEquals(List.of("a"), simple.query().columnNames());
    for (ExplainMode m : List.of(ExplainMode.EXTENDED, ExplainMode.CODEGEN, ExplainMode.COST, ExplainMode.FORMATTED,
        ExplainMode.ANALYZE)) {
      Explain e = assertInstanceOf(Explain.class, parse("explain " + m.name().toLowerCase() + " select count(*) from t;"));
      assertEquals(m, e.mode());
      assertEquals(List.of("count(*)"), e.query().columnNames());
    }
  }

  @Test void errorsInsideAnExplainedQueryKeepTheirPosition() {
    Tests.error("EXPLAIN EXTENDED\nSELECT nope FROM t", EmberException.UNDEFINED_COLUMN, 2, 8);
  }

  @Test void createTableWithColumnsOptionsAndLocation() {
    CreateTable c = assertInstanceOf(CreateTable.class, parse("""
        CREATE TABLE IF NOT EXISTS db.Sales (
          id BIGINT NOT NULL, amount DECIMAL(12, 2), note STRING COMMENT 'free text', day DATE,
          at TIMESTAMP, flag BOOLEAN, n INT, r DOUBLE, v VARCHAR(20))
        USING PARQUET
        OPTIONS (compression 'snappy', 'Header' = 'true', mode FAILFAST, limit 10)
        LOCATION '/data/sales'
        """));
    assertEquals(List.of("db", "Sales"), c.name());
    assertTrue(c.ifNotExists());
    assertEquals(List.of(
        new Field("id", DataType.BIGINT, false),
        new Field("amount", DataType.decimal(12, 2), true),
        new Field("note", DataType.VARCHAR, true),
        new Field("day", DataType.DATE, true),
        new Field("at", DataType.TIMESTAMP, true),
        new Field("flag", DataType.BOOLEAN, true),
        new Field("n", DataType.INT, true),
        new Field("r", DataType.DOUBLE, true),
        new Field("v", DataType.VARCHAR, true)), c.columns());
    assertEquals("parquet", c.provider());
    assertEquals(Map.of("compression", "snappy", "header", "true", "mode", "FAILFAST", "limit", "10"), c.options());
    assertEquals(List.of("compression", "header", "mode", "limit"), List.copyOf(c.options().keySet()));
    assertEquals("/data/sales", c.location());
  }

  @Test void createTableWithArrayColumns() {
    CreateTable c = assertInstanceOf(CreateTable.class, parse(
        "CREATE TABLE t (tags ARRAY<STRING>, grid array<array<decimal(5, 1)>>, n INT) USING parquet"));
    assertEquals(List.of(
        new Field("tags", DataType.array(DataType.VARCHAR), true),
        new Field("grid", DataType.array(DataType.array(DataType.decimal(5, 1))), true),
        new Field("n", DataType.INT, true)), c.columns());
    Tests.error("CREATE TABLE t (a ARRAY<INT) USING csv", EmberException.SYNTAX_ERROR, 1, 28);
  }

  @Test void createTableWithoutColumnsOrOptions() {
    CreateTable c = assertInstanceOf(CreateTable.class, parse("create table t2 using csv location 'x.csv';"));
    assertEquals(List.of("t2"), c.name());
    assertFalse(c.ifNotExists());
    assertEquals(List.of(), c.columns());
    assertEquals("csv", c.provider());
    assertEquals(Map.of(), c.options());
    assertEquals("x.csv", c.location());
  }

  @Test void createTableErrors() {
    Tests.error("CREATE TABLE t2 (a INT) LOCATION 'x'", EmberException.SYNTAX_ERROR, 1, 25);
    Tests.error("CREATE TABLE t2 (a BLOB) USING csv", EmberException.SYNTAX_ERROR, 1, 20);
    Tests.error("CREATE TABLE t2 (a INT,\n  a BIGINT) USING csv", EmberException.SYNTAX_ERROR, 2, 3);
    Tests.error("CREATE TABLE t2 USING csv OPTIONS (a '1', A '2')", EmberException.SYNTAX_ERROR, 1, 43);
    Tests.error("CREATE TABLE t2 (d DECIMAL(40, 2)) USING csv", EmberException.SYNTAX_ERROR, 1, 28);
    Tests.error("CREATE TABLE t2 USING csv AS SELECT 1", EmberException.FEATURE_NOT_SUPPORTED, 1, 27);
    Tests.error("CREATE TABLE t2 USING csv OPTIONS (path 'x'", EmberException.SYNTAX_ERROR, 1, 44);
  }

  @Test void createTemporaryViewUsingFiles() {
    CreateTempViewUsing v = assertInstanceOf(CreateTempViewUsing.class, parse(
        "CREATE OR REPLACE TEMPORARY VIEW trips USING csv OPTIONS (path '/tmp/trips.csv', header 'true', inferSchema true)"));
    assertEquals(List.of("trips"), v.name());
    assertTrue(v.orReplace());
    assertEquals("csv", v.provider());
    assertEquals(Map.of("path", "/tmp/trips.csv", "header", "true", "inferschema", "true"), v.options());
    Tests.error("CREATE VIEW trips USING csv OPTIONS (path 'x')", EmberException.SYNTAX_ERROR, 1, 19);
  }

  @Test void createViewKeepsTheQueryText() {
    CreateView v = assertInstanceOf(CreateView.class, parse(
        "create or replace temp view big_orders as\n  select o_orderkey, o_totalprice from tpch.tiny.orders where o_totalprice > 1000 ;"));
    assertEquals(List.of("big_orders"), v.name());
    assertTrue(v.orReplace());
    assertTrue(v.temporary());
    assertEquals("select o_orderkey, o_totalprice from tpch.tiny.orders where o_totalprice > 1000", v.queryText());
    assertEquals(List.of("o_orderkey", "o_totalprice"), v.query().columnNames());
    CreateView plain = assertInstanceOf(CreateView.class, parse("CREATE VIEW s.v AS VALUES (1, 'a')"));
    assertEquals(List.of("s", "v"), plain.name());
    assertFalse(plain.orReplace());
    assertFalse(plain.temporary());
  }

  @Test void createViewValidatesItsQuery() {
    Tests.error("CREATE VIEW v AS\nSELECT a FROM missing_table", EmberException.UNDEFINED_TABLE, 2, 15);
    Tests.error("CREATE VIEW v AS", EmberException.SYNTAX_ERROR, 1, 17);
  }

  @Test void drop() {
    assertEquals(new DropTable(List.of("tpch", "x"), true, false), parse("DROP TABLE IF EXISTS tpch.x"));
    assertEquals(new DropTable(List.of("v"), false, true), parse("drop view v;"));
    Tests.error("DROP SCHEMA s", EmberException.SYNTAX_ERROR, 1, 6);
    Tests.error("DROP TABLE IF t", EmberException.SYNTAX_ERROR, 1, 15);
  }

  @Test void showTablesAndDescribe() {
    assertEquals(new ShowTables(List.of()), parse("SHOW TABLES"));
    assertEquals(new ShowTables(List.of("tpch", "tiny")), parse("show tables in tpch.tiny"));
    assertEquals(new ShowTables(List.of("tpch")), parse("SHOW TABLES FROM \"tpch\";"));
    assertEquals(new Describe(List.of("tpch", "tiny", "lineitem")), parse("DESCRIBE TABLE tpch.tiny.lineitem"));
    assertEquals(new Describe(List.of("t")), parse("desc t"));
    assertEquals(new Describe(List.of("my table")), parse("DESCRIBE `my table`"));
    Tests.error("SHOW DATABASES", EmberException.SYNTAX_ERROR, 1, 6);
    Tests.error("DESCRIBE", EmberException.SYNTAX_ERROR, 1, 9);
    Tests.error("DESCRIBE t a extra", EmberException.SYNTAX_ERROR, 1, 14);
  }

  @Test void describeExtendedAndColumns() {
    assertEquals(new Describe(List.of("t"), true, null), parse("DESCRIBE EXTENDED t"));
    assertEquals(new Describe(List.of("t"), true, "c"), parse("desc table extended t c"));
    assertEquals(new Describe(List.of("s", "t"), false, "c"), parse("DESCRIBE s.t c"));
  }

  @Test void analyzeTable() {
    assertEquals(new AnalyzeTable(List.of("t"), false, List.of(), false), parse("ANALYZE TABLE t COMPUTE STATISTICS"));
    assertEquals(new AnalyzeTable(List.of("t"), true, List.of(), false), parse("analyze table t compute statistics noscan;"));
    assertEquals(new AnalyzeTable(List.of("t"), false, List.of("a", "b"), false),
        parse("ANALYZE TABLE t COMPUTE STATISTICS FOR COLUMNS a, b"));
    assertEquals(new AnalyzeTable(List.of("t"), false, List.of(), true),
        parse("ANALYZE TABLE t COMPUTE STATISTICS FOR ALL COLUMNS"));
    Tests.error("ANALYZE t COMPUTE STATISTICS", EmberException.SYNTAX_ERROR, 1, 9);
    Tests.error("ANALYZE TABLE t COMPUTE STATISTICS FOR COLUMNS", EmberException.SYNTAX_ERROR, 1, 47);
    Tests.error("ANALYZE TABLE t COMPUTE STATISTICS FOR ALL", EmberException.SYNTAX_ERROR, 1, 43);
  }

  @Test void set() {
    assertEquals(new SetConf(null, null), parse("SET"));
    assertEquals(new SetConf("ember.sql.shuffle.partitions", null), parse("SET ember.sql.shuffle.partitions;"));
    assertEquals(new SetConf("ember.sql.shuffle.partitions", "8"), parse("SET ember.sql.shuffle.partitions = 8"));
    assertEquals(new SetConf("ember.master", "local[2]"), parse("set ember.master=local[2]"));
    assertEquals(new SetConf("spark.sql.x", "a b"), parse("SET spark.sql.x = 'a b'"));
    assertEquals(new SetConf("flag", "true"), parse("SET flag = true ;"));
    Tests.error("SET a.b =", EmberException.SYNTAX_ERROR, 1, 10);
    Tests.error("SET a b = 1", EmberException.SYNTAX_ERROR, 1, 7);
  }

  @Test void statementsAreSingle() {
    Tests.error("SELECT 1; SELECT 2", EmberException.SYNTAX_ERROR, 1, 9);
    Tests.error("   ", EmberException.SYNTAX_ERROR, 1, 1);
    Tests.error("SELECT 'abc", EmberException.SYNTAX_ERROR, 1, 8);
    Tests.error("CREATE INDEX i ON t (a)", EmberException.SYNTAX_ERROR, 1, 8);
  }

  @Test void trailingSemicolonAndComments() {
    Query q = Tests.query("SELECT a -- the key\nFROM t /* all */ ; -- done");
    assertEquals(List.of("a"), q.columnNames());
    assertNull(((SetConf) parse("SET -- nothing\n")).key());
  }
}
