package dev.ember.it.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.it.TpchData;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * The hard limit on a query's Arrow memory (twice {@code ember.memory.offHeap.size}, at least that plus 64 MB): shuffle outputs
 * larger than the limit spill to disk and the query still gives DuckDB's answer; a query that
 * needs more than the limit where nothing can spill fails alone with SQLSTATE 53200 naming its
 * operators. In both cases a query running at the same time gives its right answer.
 */
class QueryMemoryLimitTest extends SpillSandbox {
  private static final long ROWS = 5_000_000;
  /** Every key distinct: the partial aggregation cannot shrink the shuffle (over 120 MB of it, the limit is 88 MB). */
  private static final String BIG = "SELECT count(*), sum(c), sum(s), sum(k * c + s) FROM (SELECT k, count(*) AS c,"
      + " sum(v) AS s FROM big GROUP BY k) g";
  private static final String SMALL = "SELECT count(*), sum(c), sum(s), sum(k * c + s) FROM (SELECT k % 97 AS k,"
      + " count(*) AS c, sum(v) AS s FROM small GROUP BY k % 97) g";

  private static long[] duckDb(String sql) throws Exception {
    try (Connection duck = TpchData.openDuckDb(); Statement st = duck.createStatement()) {
      st.execute("CREATE VIEW big AS SELECT (range * 7919) % " + ROWS + " AS k, range % 100 AS v FROM range(" + ROWS + ")");
      st.execute("CREATE VIEW small AS SELECT range AS k, range % 10 AS v FROM range(200000)");
      try (ResultSet rs = st.executeQuery(sql)) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
      }
    }
  }

  private static Session session() {
    Session s = Session.builder().master("local[2]").config("ember.memory.offHeap.size", "24m").getOrCreate();
    s.range(ROWS).selectExpr("(id * CAST(7919 AS BIGINT)) % CAST(" + ROWS + " AS BIGINT) AS k", "id % 100 AS v")
        .createOrReplaceTempView("big");
    s.range(200_000).selectExpr("id AS k", "id % 10 AS v").createOrReplaceTempView("small");
    return s;
  }

  /** The four sums of a one-row answer, and what the query spilled. */
  private record Answer(long[] values, long spilled, long shuffleSpilled) {}

  private static Answer run(Session s, String sql) {
    try (QueryResult r = s.execute(sql)) {
      long[] v = new long[4];
      for (VectorSchemaRoot b = r.nextBatch(); b != null; b = r.nextBatch()) {
        for (int c = 0; c < 4; c++) v[c] = ((BigIntVector) b.getVector(c)).get(0);
      }
      return new Answer(v, r.bytesSpilled(), r.shuffleBytesSpilled());
    }
  }

  @Test void shuffleOutputsBeyondTheLimitSpillWhileAnotherQueryRuns() throws Exception {
    long[] big = duckDb(BIG);
    long[] small = duckDb(SMALL);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Session s = session()) {
      Future<Answer> bigRun = pool.submit(() -> run(s, BIG));
      int smallRuns = 0;
      do {
        assertArrayEquals(small, run(s, SMALL).values(), "the concurrent query");
        smallRuns++;
      } while (!bigRun.isDone());
      Answer a = bigRun.get();
      System.out.printf("GROUP BY over %,d distinct keys at 24m: spilled %,d bytes, %,d of them shuffle outputs;"
          + " %d concurrent small queries%n", ROWS, a.spilled(), a.shuffleSpilled(), smallRuns);
      assertArrayEquals(big, a.values(), "count, sum(c), sum(s), sum(k * c + s)");
      assertTrue(a.shuffleSpilled() > 0, "the shuffle outputs should have spilled");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test void aQueryOverTheLimitWithNothingToSpillFailsAloneNamingItsOperators() throws Exception {
    long[] small = duckDb(SMALL);
    try (Session s = session()) {
      // 100 KB a row, 4,096 rows a batch: one batch alone is far beyond the 88 MB limit, and a projection cannot spill.
      CompletableFuture<Void> huge = CompletableFuture.runAsync(() -> {
        try (QueryResult r = s.execute("SELECT lpad('x', 100000, 'y') || CAST(k AS VARCHAR) AS s FROM small")) {
          while (r.nextBatch() != null) {
            // drain
          }
        }
      });
      assertArrayEquals(small, run(s, SMALL).values(), "the concurrent query");
      Throwable t = assertThrows(Exception.class, huge::join);
      EmberException e = (EmberException) t.getCause();
      assertEquals(EmberException.OUT_OF_MEMORY, e.sqlState(), e.getMessage());
      assertTrue(e.getMessage().contains("Project"), e.getMessage());
      assertTrue(e.getMessage().contains("limit"), e.getMessage());
      assertArrayEquals(small, run(s, SMALL).values(), "a query after the failure");
    }
  }
}
