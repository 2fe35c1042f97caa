package dev.ember.it.io;

import static dev.ember.it.io.QueryWriter.sqlPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.datasources.fs.HadoopFiles;
import dev.ember.datasources.write.SaveMode;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.it.EmberRunner;
import dev.ember.it.Oracle;
import dev.ember.it.TpchData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partitioned write read back through SQL: answers equal DuckDB's {@code hive_partitioning} read,
 * and a filter on the partition columns never opens the other directories' files — shown by
 * damaging those files after the view is created: pruned queries still answer, a query that
 * needs them fails with XX001 naming a damaged file.
 */
class PartitionPruningTest {
  @TempDir Path dir;

  @AfterEach void noLeak() { assertEquals(0, MemoryManager.allocatedBytes(), "Arrow memory leaked"); }

  @Test void partitionFiltersPruneDirectories() throws Exception {
    String orders = sqlPath(TpchData.parquetFile(TpchData.TINY, "orders"));
    Path out = dir.resolve("orders_by_status");
    try (Session s = Session.builder().master("local[2]").getOrCreate();
         Connection duck = TpchData.openDuckDb()) {
      EmberRunner.execute(s, "CREATE TEMPORARY VIEW orders USING parquet OPTIONS (path '" + orders + "')");
      QueryWriter.write(s, "SELECT o_orderkey, o_custkey, o_totalprice, o_orderdate, o_orderstatus,"
          + " o_orderpriority FROM orders", "parquet", out.toString(), SaveMode.OVERWRITE,
          List.of("o_orderstatus", "o_orderpriority"), Map.of());
      assertTrue(Files.isDirectory(out.resolve("o_orderstatus=F/o_orderpriority=1-URGENT")));
      QueryWriter.duck(duck, "CREATE VIEW parts AS SELECT * FROM read_parquet('" + sqlPath(out)
          + "/**/*.parquet', hive_partitioning = true)");
      EmberRunner.execute(s, "CREATE TEMPORARY VIEW parts USING parquet OPTIONS (path '" + sqlPath(out) + "')");
      Oracle oracle = new Oracle(duck, s);
      oracle.assertSameAnswer("whole table", "SELECT o_orderstatus, o_orderpriority, count(*) AS c, sum(o_totalprice) AS p"
          + " FROM parts GROUP BY 1, 2 ORDER BY 1, 2");

      // Damage every file outside status 'P': pruned queries must never open them.
      try (Stream<Path> files = Files.walk(out)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("o_orderstatus=P")).toList()) {
          Files.write(f, "not parquet any more".getBytes());
        }
      }
      String pruned = "SELECT o_orderpriority, count(*) AS c, sum(o_totalprice) AS p, min(o_orderdate) AS d FROM parts"
          + " WHERE o_orderstatus = 'P' GROUP BY o_orderpriority ORDER BY o_orderpriority";
      String expected = pruned.replace("FROM parts", "FROM read_parquet('" + orders + "')");
      oracle.assertSameAnswer("status P only", expected, pruned);
      String prunedBoth = "SELECT count(*) AS c FROM parts WHERE o_orderstatus = 'P' AND o_orderpriority IN ('1-URGENT', '5-LOW')";
      oracle.assertSameAnswer("two partition columns", prunedBoth.replace("FROM parts", "FROM read_parquet('" + orders + "')"),
          prunedBoth);

      EmberException e = assertThrows(EmberException.class,
          () -> EmberRunner.query(s, "SELECT count(*) FROM parts WHERE o_orderstatus = 'F'"));
      assertEquals(HadoopFiles.DATA_CORRUPTED, e.sqlState(), e.getMessage());
      assertTrue(e.getMessage().contains("o_orderstatus=F"), e.getMessage());
    }
  }
}
