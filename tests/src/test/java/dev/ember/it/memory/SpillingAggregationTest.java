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
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * A GROUP BY over 10 million distinct keys under a 256 MB budget: the aggregation spills its
 * groups to hash-partitioned files and merges them back, giving DuckDB's answer (compared
 * through checksums of the 10 million output rows), and leaves no memory or file behind.
 */
class SpillingAggregationTest extends SpillSandbox {
  private static final long ROWS = 10_000_000;
  /** k is a permutation of 0..ROWS-1 (7919 is prime to 10^7): every key distinct, in no order. */
  private static final String K = "(CAST(id AS BIGINT) * CAST(7919 AS BIGINT)) % CAST(" + ROWS + " AS BIGINT)";

  @Test void tenMillionDistinctKeysSpillAndGiveDuckDbsAnswer() throws Exception {
    long[] expected;
    try (Connection duck = TpchData.openDuckDb(); Statement st = duck.createStatement();
         ResultSet rs = st.executeQuery("SELECT count(*), sum(c), sum(s), sum(k * c + s), max(k), min(s) FROM ("
             + "SELECT k, count(*) AS c, sum(v) AS s FROM (SELECT (range * 7919) % " + ROWS + " AS k, range % 100 AS v"
             + " FROM range(" + ROWS + ")) GROUP BY k)")) {
      rs.next();
      expected = new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)};
    }
    try (Session s = Session.builder().master("local[2]").config("ember.memory.offHeap.size", "256m").getOrCreate()) {
      s.range(ROWS).selectExpr(K + " AS k", "id % 100 AS v").createOrReplaceTempView("t");
      long[] actual = {0, 0, 0, 0, Long.MIN_VALUE, Long.MAX_VALUE};
      long spilled;
      try (QueryResult r = s.execute("SELECT k, count(*), sum(v) FROM t GROUP BY k")) {
        for (VectorSchemaRoot b = r.nextBatch(); b != null; b = r.nextBatch()) {
          BigIntVector k = (BigIntVector) b.getVector(0), c = (BigIntVector) b.getVector(1), sum = (BigIntVector) b.getVector(2);
          for (int i = 0; i < b.getRowCount(); i++) {
            actual[0]++;
            actual[1] += c.get(i);
            actual[2] += sum.get(i);
            actual[3] += k.get(i) * c.get(i) + sum.get(i);
            actual[4] = Math.max(actual[4], k.get(i));
            actual[5] = Math.min(actual[5], sum.get(i));
          }
        }
        spilled = r.bytesSpilled();
      }
      assertArrayEquals(expected, actual, "count, sum(c), sum(s), sum(k * c + s), max(k), min(s)");
      System.out.printf("GROUP BY over %,d keys at 256m: spilled %,d bytes%n", ROWS, spilled);
      assertTrue(spilled > 0, "the aggregation should have spilled");
    }
    assertEquals(0, SpillDirectory.fileCount(), "spill files left behind");
  }
}
