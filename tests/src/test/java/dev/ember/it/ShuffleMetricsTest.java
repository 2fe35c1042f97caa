package dev.ember.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In local mode too, a query's bytes shuffled are the size of its map outputs (their Arrow
 * buffers), collected when each map stage finishes, and EXPLAIN ANALYZE shows them.
 */
class ShuffleMetricsTest {
  private static Session ember;

  @BeforeAll static void setUp() {
    ember = Session.builder().master("local[2]").getOrCreate();
  }

  @AfterAll static void tearDown() {
    if (ember != null) ember.close();
  }

  private static long shuffled(String sql) {
    try (QueryResult r = ember.execute(sql)) {
      while (r.nextBatch() != null) {
        // read every row
      }
      return r.bytesShuffled();
    }
  }

  @Test void aGroupByShufflesItsPartialAggregates() {
    long bytes = shuffled("SELECT l_orderkey, sum(l_quantity) FROM tpch.tiny.lineitem GROUP BY l_orderkey");
    // 15,000 orders' keys (8 bytes) and sums at least, however the partial aggregates are laid out
    assertTrue(bytes >= 15_000L * 8, "bytes shuffled: " + bytes);
  }

  @Test void aQueryWithoutExchangeShufflesNothing() {
    assertEquals(0, shuffled("SELECT n_name FROM tpch.tiny.nation WHERE n_nationkey = 3"));
  }

  @Test void explainAnalyzeShowsTheMetrics() {
    String text = EmberRunner.query(ember,
        "EXPLAIN ANALYZE SELECT o_orderpriority, count(*) FROM tpch.tiny.orders GROUP BY 1").rows().get(0).get(0).toString();
    int at = text.indexOf("== Metrics ==\nbytes shuffled: ");
    assertTrue(at > 0, text);
    long bytes = Long.parseLong(text.substring(at + "== Metrics ==\nbytes shuffled: ".length()).split(" ")[0]);
    assertTrue(bytes > 0, text);
    assertTrue(text.contains("\npeak memory: "), text);
  }
}
