package dev.ember.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.execution.memory.MemoryManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ember's commands: tables in the persistent catalog survive a restart, temporary views live as
 * long as their session, CSV and Parquet views read what DuckDB reads, and SHOW/DESCRIBE/SET
 * report what is there.
 */
class CommandsTest {
  @TempDir Path dir;

  private Session open() {
    return Session.builder().master("local[2]").config("ember.catalog.dir", dir.resolve("catalog").toString())
        .getOrCreate();
  }

  @AfterEach void noLeak() { assertEquals(0, MemoryManager.allocatedBytes(), "Arrow memory leaked"); }

  private static List<List<Object>> rows(Session s, String sql) { return EmberRunner.query(s, sql).rows(); }

  /** The rows as text, for exact comparison independent of the Java classes of values. */
  private static List<List<String>> text(Session s, String sql) {
    return rows(s, sql).stream().map(r -> r.stream().map(String::valueOf).toList()).toList();
  }

  @Test void tablesAndViewsSurviveARestartTemporaryViewsDoNot() {
    String nation = TpchData.sqlPath(TpchData.parquetFile(TpchData.TINY, "nation"));
    try (Session s = open()) {
      EmberRunner.execute(s, "CREATE TABLE nation USING parquet LOCATION '" + nation + "'");
      EmberRunner.execute(s, "CREATE TABLE IF NOT EXISTS nation USING parquet LOCATION '" + nation + "'");
      EmberException dup = assertThrows(EmberException.class,
          () -> EmberRunner.execute(s, "CREATE TABLE nation USING parquet LOCATION '" + nation + "'"));
      assertEquals(EmberException.DUPLICATE_TABLE, dup.sqlState());
      EmberRunner.execute(s, "CREATE VIEW asia AS SELECT n_name FROM nation WHERE n_regionkey = 2");
      EmberRunner.execute(s, "CREATE TEMPORARY VIEW tmp AS SELECT 1 AS v");
      assertEquals(List.of(List.of("1")), text(s, "SELECT * FROM tmp"));
    }
    try (Session s = open()) {
      assertEquals(List.of(List.of("25")), text(s, "SELECT count(*) FROM nation"));
      assertEquals(5, rows(s, "SELECT * FROM asia").size());
      EmberException gone = assertThrows(EmberException.class, () -> EmberRunner.execute(s, "SELECT * FROM tmp"));
      assertEquals(EmberException.UNDEFINED_TABLE, gone.sqlState());
      List<List<Object>> tables = rows(s, "SHOW TABLES");
      assertTrue(tables.stream().anyMatch(r -> r.get(1).toString().equalsIgnoreCase("nation")), tables.toString());
      assertTrue(tables.stream().anyMatch(r -> r.get(1).toString().equalsIgnoreCase("asia")), tables.toString());
      EmberRunner.execute(s, "DROP VIEW asia");
      EmberRunner.execute(s, "DROP TABLE nation");
      EmberRunner.execute(s, "DROP TABLE IF EXISTS nation");
      EmberException missing = assertThrows(EmberException.class, () -> EmberRunner.execute(s, "DROP TABLE nation"));
      assertEquals(EmberException.UNDEFINED_TABLE, missing.sqlState());
    }
    try (Session s = open()) {
      assertTrue(rows(s, "SHOW TABLES").isEmpty());
    }
  }

  @Test void describeAndSettings() {
    try (Session s = open()) {
      List<List<Object>> cols = rows(s, "DESCRIBE tpch.tiny.orders");
      assertEquals(9, cols.size());
      assertEquals(List.of("o_totalprice", "DECIMAL(15,2)", "false"), text(s, "DESCRIBE tpch.tiny.orders").get(3));
      EmberRunner.execute(s, "SET ember.sql.shuffle.partitions = 7");
      assertEquals(List.of(List.of("ember.sql.shuffle.partitions", "7")), text(s, "SET ember.sql.shuffle.partitions"));
      assertEquals("7", s.conf("ember.sql.shuffle.partitions"));
    }
  }

  @Test void csvViewReadsWhatDuckDbReads() throws Exception {
    Path csv = dir.resolve("people.csv");
    Files.writeString(csv, "id,name,born,score\n1,Ann,1990-01-02,3.5\n2,\"Bob, Jr.\",1985-12-31,\n3,Cé,,7\n");
    try (Session s = open(); Connection duck = TpchData.openDuckDb()) {
      EmberRunner.execute(s, "CREATE TEMPORARY VIEW people USING csv OPTIONS (path '" + TpchData.sqlPath(csv)
          + "', header 'true', inferSchema 'true')");
      TpchData.execute(duck, "CREATE VIEW people AS SELECT * FROM read_csv('" + TpchData.sqlPath(csv)
          + "', header = true)");
      new Oracle(duck, s).assertSameAnswer("csv", "SELECT id, name, born, score FROM people ORDER BY id");
      new Oracle(duck, s).assertSameAnswer("csv aggregate", "SELECT count(*), sum(score), max(born) FROM people");
    }
  }
}
