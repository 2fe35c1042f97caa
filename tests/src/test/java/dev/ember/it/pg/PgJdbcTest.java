package dev.ember.it.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ember.execution.memory.MemoryManager;
import dev.ember.it.DuckDbRunner;
import dev.ember.it.OrderSpec;
import dev.ember.it.QueryRows;
import dev.ember.it.ResultComparator;
import dev.ember.it.TpchData;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The stock PostgreSQL JDBC driver against Ember's server; query answers checked against DuckDB. */
class PgJdbcTest extends ServerAndDuckDb {
  private static void assertSameAnswer(Connection pg, String emberSql, String duckSql) throws SQLException {
    QueryRows expected = DuckDbRunner.query(duck, duckSql);
    QueryRows actual = DuckDbRunner.query(pg, emberSql);
    Optional<String> diff = ResultComparator.compare(expected, actual, OrderSpec.of(duckSql, expected.columns()));
    diff.ifPresent(d -> fail(emberSql + "\n" + d));
  }

  @Test void statementAnswersMatchDuckDb() throws SQLException {
    try (Connection c = server.connect()) {
      assertSameAnswer(c,
          "SELECT l_returnflag, l_linestatus, sum(l_quantity) AS q, sum(l_extendedprice * (1 - l_discount)) AS rev, "
              + "avg(l_discount) AS d, count(*) AS n FROM tpch.tiny.lineitem WHERE l_shipdate <= DATE '1998-09-01' "
              + "GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus",
          "SELECT l_returnflag, l_linestatus, sum(l_quantity) AS q, sum(l_extendedprice * (1 - l_discount)) AS rev, "
              + "avg(l_discount) AS d, count(*) AS n FROM lineitem WHERE l_shipdate <= DATE '1998-09-01' "
              + "GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus");
      assertSameAnswer(c,
          "SELECT n_name, r_name, n_nationkey FROM tpch.tiny.nation JOIN tpch.tiny.region ON n_regionkey = r_regionkey ORDER BY n_nationkey",
          "SELECT n_name, r_name, n_nationkey FROM nation JOIN region ON n_regionkey = r_regionkey ORDER BY n_nationkey");
      assertSameAnswer(c,
          "SELECT o_orderkey, o_orderdate, o_totalprice, o_orderstatus FROM tpch.tiny.orders ORDER BY o_orderkey LIMIT 50",
          "SELECT o_orderkey, o_orderdate, o_totalprice, o_orderstatus FROM orders ORDER BY o_orderkey LIMIT 50");
    }
  }

  @Test void valuesOfEveryTypeMatchDuckDbInTextAndBinary() throws SQLException {
    String sql = "SELECT CAST(1 AS TINYINT) AS ti, CAST(-2 AS SMALLINT) AS si, 3 AS i, CAST(4000000000 AS BIGINT) AS bi, "
        + "CAST(1.5 AS REAL) AS r, CAST(0.1 AS DOUBLE) AS d, CAST(-12345.678 AS DECIMAL(12,3)) AS dc, "
        + "CAST(123456789012345678901234.5 AS DECIMAL(30,1)) AS big, DATE '1994-02-28' AS dt, "
        + "TIMESTAMP '2001-02-03 04:05:06.789' AS ts, 'héllo' AS s, TRUE AS b, CAST(NULL AS INTEGER) AS n";
    for (String mode : List.of("3", "-1")) { // prepareThreshold -1: binary transfer from the first execution
      java.util.Properties p = new java.util.Properties();
      p.setProperty("prepareThreshold", mode);
      try (Connection c = server.connect(p)) {
        for (int i = 0; i < 3; i++) assertSameAnswer(c, sql, sql);
      }
    }
  }

  @Test void preparedStatementParametersOfEveryTypeReExecuted() throws SQLException {
    try (Connection c = server.connect();
         PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS SMALLINT), CAST(? AS INTEGER), CAST(? AS BIGINT), "
             + "CAST(? AS REAL), CAST(? AS DOUBLE), CAST(? AS DECIMAL(10,2)), CAST(? AS VARCHAR), CAST(? AS BOOLEAN), "
             + "CAST(? AS DATE), CAST(? AS TIMESTAMP(6)), CAST(? AS VARBINARY)")) {
      for (int round = 0; round < 7; round++) { // past pgJDBC's prepareThreshold: server-prepared, binary
        short sh = (short) (round - 3);
        ps.setShort(1, sh);
        ps.setInt(2, 100 * round - 7);
        ps.setLong(3, 5_000_000_000L + round);
        ps.setFloat(4, 1.25f * round);
        ps.setDouble(5, -2.5e10 / (round + 1));
        ps.setBigDecimal(6, new BigDecimal("12345.6" + round));
        ps.setString(7, "it's #" + round + " ü");
        ps.setBoolean(8, round % 2 == 0);
        ps.setDate(9, Date.valueOf(LocalDate.of(1995, 3, 1 + round)));
        ps.setTimestamp(10, Timestamp.valueOf(LocalDateTime.of(2020, 1, 2, 3, 4, 5, 120_000_000 + round * 1000)));
        ps.setBytes(11, new byte[] {1, (byte) round, (byte) 0xff});
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(sh, rs.getShort(1));
          assertEquals(100 * round - 7, rs.getInt(2));
          assertEquals(5_000_000_000L + round, rs.getLong(3));
          assertEquals(1.25f * round, rs.getFloat(4));
          assertEquals(-2.5e10 / (round + 1), rs.getDouble(5));
          assertEquals(new BigDecimal("12345.6" + round), rs.getBigDecimal(6));
          assertEquals("it's #" + round + " ü", rs.getString(7));
          assertEquals(round % 2 == 0, rs.getBoolean(8));
          assertEquals(LocalDate.of(1995, 3, 1 + round), rs.getDate(9).toLocalDate());
          assertEquals(LocalDateTime.of(2020, 1, 2, 3, 4, 5, 120_000_000 + round * 1000), rs.getTimestamp(10).toLocalDateTime());
          assertEquals(List.of((byte) 1, (byte) round, (byte) 0xff), boxed(rs.getBytes(11)));
          assertFalse(rs.next());
        }
      }
      ps.setNull(1, java.sql.Types.SMALLINT);
      ps.setNull(2, java.sql.Types.INTEGER);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertNull(rs.getObject(1));
        assertNull(rs.getObject(2));
      }
    }
  }

  @Test void preparedFilterOnATableMatchesDuckDb() throws SQLException {
    try (Connection c = server.connect();
         PreparedStatement ps = c.prepareStatement(
             "SELECT o_orderkey, o_totalprice FROM tpch.tiny.orders WHERE o_custkey = ? AND o_orderdate >= ? ORDER BY o_orderkey")) {
      for (int cust : new int[] {1, 4, 7, 10, 13, 16}) {
        ps.setLong(1, cust);
        ps.setDate(2, Date.valueOf("1995-01-01"));
        List<List<Object>> got = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) got.add(List.of(rs.getLong(1), rs.getBigDecimal(2)));
        }
        List<List<Object>> want = new ArrayList<>();
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(
            "SELECT o_orderkey, o_totalprice FROM orders WHERE o_custkey = " + cust
                + " AND o_orderdate >= DATE '1995-01-01' ORDER BY o_orderkey")) {
          while (rs.next()) want.add(List.of(rs.getLong(1), rs.getBigDecimal(2)));
        }
        assertEquals(want, got, "customer " + cust);
      }
    }
  }

  @Test void fetchSizeStreamsAMillionRowsInBoundedServerMemory() throws Exception {
    try (Connection c = server.connect()) {
      c.setAutoCommit(false); // pgJDBC streams with a fetch size only inside a transaction
      try (Statement s = c.createStatement()) {
        s.setFetchSize(2000);
        long rows = 0;
        long before = MemoryManager.allocatedBytes();
        long peakWhilePaused = 0;
        try (ResultSet rs = s.executeQuery("SELECT o_orderkey, o_custkey, o_totalprice, o_orderdate FROM tpch.sf1.orders WHERE o_orderkey <= 4000000")) {
          while (rs.next()) {
            rows++;
            if (rows == 1 || rows == 500_000) {
              Thread.sleep(1500); // the engine runs ahead only as far as the bounded queue lets it
              peakWhilePaused = Math.max(peakWhilePaused, MemoryManager.allocatedBytes() - before);
            }
          }
        }
        c.commit();
        assertEquals(1_000_000, rows);
        // TPC-H order keys are sparse: 8 of every 32, so keys up to 4,000,000 are exactly a million orders.
        // The whole result in Arrow form is ~25 MB; the server holds a few batches of it.
        assertTrue(peakWhilePaused < 24L << 20, "server memory while the client paused: " + peakWhilePaused);
      }
    }
  }

  @Test void errorsCarrySqlStateAndPositionAndTheConnectionKeepsWorking() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      SQLException syntax = assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1 FROM WHERE"));
      assertEquals("42601", syntax.getSQLState());
      org.postgresql.util.ServerErrorMessage m = ((org.postgresql.util.PSQLException) syntax).getServerErrorMessage();
      assertTrue(m.getPosition() > 0, "position of " + m);
      SQLException missing = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM no_such_table"));
      assertEquals("42P01", missing.getSQLState());
      assertEquals(15, ((org.postgresql.util.PSQLException) missing).getServerErrorMessage().getPosition());
      try (ResultSet rs = s.executeQuery("SELECT 40 + 2")) {
        assertTrue(rs.next());
        assertEquals(42, rs.getInt(1));
      }
      c.setAutoCommit(false);
      assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM no_such_table"));
      c.rollback();
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        assertTrue(rs.next());
      }
      c.commit();
    }
  }

  @Test void metadataListsEmberTablesAndColumns() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TEMPORARY VIEW my_nations AS SELECT n_nationkey, n_name FROM tpch.tiny.nation");
      DatabaseMetaData md = c.getMetaData();
      assertTrue(md.getDatabaseProductVersion().startsWith("14"), md.getDatabaseProductVersion());
      List<String> schemas = new ArrayList<>();
      try (ResultSet rs = md.getSchemas()) {
        while (rs.next()) schemas.add(rs.getString("TABLE_SCHEM"));
      }
      assertTrue(schemas.containsAll(List.of("public", "tpch.tiny", "tpch.sf1", "tpcds.tiny")), schemas.toString());
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, "tpch.tiny", "%", new String[] {"TABLE"})) {
        while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
      }
      assertEquals(TpchData.tableNames().stream().sorted().toList(), tables);
      try (ResultSet rs = md.getTables(null, null, "my_nat%", null)) {
        assertTrue(rs.next());
        assertEquals("my_nations", rs.getString("TABLE_NAME"));
        assertEquals("public", rs.getString("TABLE_SCHEM"));
      }
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, "tpch.tiny", "orders", "%")) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME") + ":" + rs.getInt("DATA_TYPE"));
        }
      }
      List<String> expected = new ArrayList<>();
      try (Statement d = duck.createStatement(); ResultSet rs = d.executeQuery(
          "SELECT column_name FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position")) {
        while (rs.next()) expected.add(rs.getString(1));
      }
      assertEquals(expected, columns.stream().map(x -> x.substring(0, x.indexOf(':'))).toList());
      assertTrue(columns.contains("o_orderdate:date:" + java.sql.Types.DATE), columns.toString());
      assertTrue(columns.contains("o_totalprice:numeric:" + java.sql.Types.NUMERIC), columns.toString());
    }
  }

  @Test void informationSchemaIsQueryableWithOrdinarySql() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT table_name, table_type FROM information_schema.tables "
          + "WHERE table_schema = 'tpch.tiny' ORDER BY table_name")) {
        while (rs.next()) tables.add(rs.getString(1) + ":" + rs.getString(2));
      }
      assertEquals(TpchData.tableNames().stream().sorted().map(t -> t + ":BASE TABLE").toList(), tables);
      String columns = "SELECT column_name, ordinal_position FROM information_schema.columns "
          + "WHERE table_name = 'lineitem' %s ORDER BY ordinal_position";
      QueryRows expected = DuckDbRunner.query(duck, String.format(columns, ""));
      QueryRows actual = DuckDbRunner.query(c, String.format(columns, "AND table_schema = 'tpch.tiny'"));
      ResultComparator.compare(expected, actual, OrderSpec.columns(1)).ifPresent(d -> fail(d));
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'tpch.%'")) {
        assertTrue(rs.next());
        assertEquals(5, rs.getInt(1)); // tiny, sf1, sf10, sf100, sf1000
      }
    }
  }

  @Test void settingsTransactionsAndSessionFunctions() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("SET application_name = 'ember-test'");
      s.execute("SET extra_float_digits = 3");
      try (ResultSet rs = s.executeQuery("SHOW application_name")) {
        assertTrue(rs.next());
        assertEquals("ember-test", rs.getString(1));
      }
      s.execute("SET ember.sql.shuffle.partitions = 3");
      try (ResultSet rs = s.executeQuery("SHOW ember.sql.shuffle.partitions")) {
        assertTrue(rs.next());
        assertEquals("3", rs.getString(1));
      }
      s.execute("BEGIN");
      s.execute("COMMIT");
      assertNull(s.getWarnings());
      s.execute("COMMIT"); // outside a transaction: PostgreSQL's warning, as a NoticeResponse
      assertEquals("25P01", s.getWarnings().getSQLState());
      s.execute("DISCARD ALL");
      try (ResultSet rs = s.executeQuery("SELECT current_database(), current_schema(), version()")) {
        assertTrue(rs.next());
        assertEquals("ember", rs.getString(1));
        assertEquals("public", rs.getString(2));
        assertTrue(rs.getString(3).startsWith("PostgreSQL 14"));
      }
    }
  }

  private static List<Byte> boxed(byte[] b) {
    List<Byte> out = new ArrayList<>();
    for (byte x : b) out.add(x);
    return out;
  }
}
