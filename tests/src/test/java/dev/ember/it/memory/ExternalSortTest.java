package dev.ember.it.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.execution.spill.SpillDirectory;
import dev.ember.it.TpchData;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * An ORDER BY of 3 million rows (about 300 MB buffered) under a 256 MB budget: the sort writes
 * sorted runs to spill files and merges them. The sort key is a permutation of 0..n-1, so row i
 * of the answer must have key i; checksums of the other columns weighted by position are
 * compared with DuckDB's. No memory or file is left behind.
 */
class ExternalSortTest extends SpillSandbox {
  private static final long ROWS = 3_000_000;
  private static final String PAYLOAD = "'-abcdefghijklmnopqrstuvwxyz-0123456789-abcdefghijklmnopqrstuvwxyz'";

  @Test void orderByOfMoreThanTheBudgetSpillsSortedRunsAndMergesThem() throws Exception {
    long[] expected;
    try (Connection duck = TpchData.openDuckDb(); Statement st = duck.createStatement();
         ResultSet rs = st.executeQuery("SELECT count(*), sum(k * v), sum(k * length(s)) FROM ("
             + "SELECT (range * 7919) % " + ROWS + " AS k, range % 100 AS v, CAST(range AS VARCHAR) || " + PAYLOAD
             + " AS s FROM range(" + ROWS + "))")) {
      rs.next();
      expected = new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    }
    try (Session s = Session.builder().master("local[2]").config("ember.memory.offHeap.size", "256m").getOrCreate()) {
      s.range(ROWS).selectExpr("(id * CAST(7919 AS BIGINT)) % CAST(" + ROWS + " AS BIGINT) AS k", "id % 100 AS v",
          "CAST(id AS VARCHAR) || " + PAYLOAD + " AS s").createOrReplaceTempView("t");
      long[] actual = {0, 0, 0};
      long spilled;
      try (QueryResult r = s.execute("SELECT k, v, s FROM t ORDER BY k")) {
        for (VectorSchemaRoot b = r.nextBatch(); b != null; b = r.nextBatch()) {
          BaseIntVector k = (BaseIntVector) b.getVector(0), v = (BaseIntVector) b.getVector(1);
          VarCharVector str = (VarCharVector) b.getVector(2);
          for (int i = 0; i < b.getRowCount(); i++) {
            long pos = actual[0]++;
            if (k.getValueAsLong(i) != pos) throw new AssertionError("row " + pos + " has key " + k.getValueAsLong(i));
            actual[1] += pos * v.getValueAsLong(i);
            actual[2] += pos * str.get(i).length;
          }
        }
        spilled = r.bytesSpilled();
      }
      assertArrayEquals(expected, actual, "count, sum(k * v), sum(k * length(s))");
      System.out.printf("ORDER BY of %,d rows at 256m: spilled %,d bytes%n", ROWS, spilled);
      assertTrue(spilled > 0, "the sort should have spilled");
    }
    assertEquals(0, SpillDirectory.fileCount(), "spill files left behind");
  }
}
