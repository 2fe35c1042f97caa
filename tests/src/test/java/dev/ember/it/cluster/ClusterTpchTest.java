package dev.ember.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.datasources.tpch.TpchQueries;
import dev.ember.execution.cluster.JobEvent;
import dev.ember.it.EmberRunner;
import dev.ember.it.EmberViews;
import dev.ember.it.Oracle;
import dev.ember.it.QueryList;
import dev.ember.it.TpchData;
import java.sql.Connection;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * All 22 TPC-H queries at SF 0.1 on {@code local-cluster[3,1,1024]} — three executor JVMs,
 * tasks shipped as serialised plans, shuffles over Netty — give DuckDB's answers; both engines
 * read the same cached Parquet files (generated once under the tests' target).
 */
class ClusterTpchTest {
  /** The scale factor for the cluster suite. */
  static final double SCALE = 0.1;

  static IntStream queries() { return QueryList.orDefault(IntStream.rangeClosed(1, TpchQueries.COUNT).toArray()); }

  private static Connection duck;
  private static Session ember;
  private static Oracle oracle;

  @BeforeAll static void setUp() throws Exception {
    duck = TpchData.openDuckDbOverParquet(SCALE);
    ember = Session.builder().master("local-cluster[3,1,1024]").getOrCreate();
    EmberViews.parquet(ember, SCALE);
    oracle = new Oracle(duck, ember);
  }

  @AfterAll static void tearDown() throws Exception {
    Executors.closeAndCheck(ember, duck);
  }

  @Test void reduceTasksPreferTheExecutorHoldingTheirInput() {
    int seen = ember.state().clusterEvents().size();
    oracle.assertSameAnswer("Q3 (locality)", TpchQueries.text(3));
    List<JobEvent> events = ember.state().clusterEvents();
    assertTrue(events.subList(seen, events.size()).stream()
            .anyMatch(e -> e.kind() == JobEvent.Kind.TASK_STARTED && e.detail() != null && e.detail().contains("holding its input")),
        "no reduce task went to the executor holding its input: " + events.subList(seen, events.size()));
  }

  /**
   * A cached DataFrame lives only in the driver: in cluster mode its queries run on the driver's
   * threads instead of failing (TPC-H fixes nation at 25 rows, keys 0..24).
   */
  @Test void aDriverOnlyTableRunsOnTheDriver() {
    var cached = ember.sql("SELECT n_nationkey FROM nation").cache();
    try {
      assertEquals(25, cached.count());
      cached.createOrReplaceTempView("cached_nation");
      assertEquals("[[300]]", EmberRunner.query(ember, "SELECT sum(n_nationkey) FROM cached_nation").rows().toString());
    } finally {
      cached.unpersist();
    }
  }

  /**
   * The driver learns a query's shuffle size from its map outputs and the executors' network,
   * memory and spill figures from their task results; all show in the result, the query's
   * finished event and EXPLAIN ANALYZE.
   */
  @Test void theDriverCollectsShuffleAndExecutorMetrics() {
    // three map tasks, one per executor (each has one core): every reducer fetches from the others
    String sql = "SELECT o_orderpriority, count(*), sum(o_totalprice) FROM orders GROUP BY 1";
    int seen = ember.state().clusterEvents().size();
    long shuffled, remote;
    try (QueryResult r = ember.execute(sql)) {
      while (r.nextBatch() != null) {
        // read every row: the metrics are final once the result is
      }
      shuffled = r.bytesShuffled();
      remote = r.bytesFetchedRemotely();
      assertTrue(shuffled > 0, "no bytes shuffled");
      // three executors share the map tasks: some blocks must cross between them
      assertTrue(remote > 0, "nothing fetched from another executor");
      assertTrue(r.peakMemory() > 0, "no executor reported its memory");
    }
    List<JobEvent> events = ember.state().clusterEvents();
    String finished = events.subList(seen, events.size()).stream()
        .filter(e -> e.kind() == JobEvent.Kind.QUERY_FINISHED).map(JobEvent::detail).findFirst().orElse("none");
    assertTrue(finished.contains("bytes shuffled: " + shuffled + " "), finished);
    String explain = EmberRunner.query(ember, "EXPLAIN ANALYZE " + sql).rows().get(0).get(0).toString();
    assertTrue(explain.contains("== Metrics ==\nbytes shuffled: "), explain);
    assertTrue(explain.contains("bytes fetched from other executors: "), explain);
  }

  @Test void anExecutorErrorKeepsItsSqlState() {
    EmberException e = assertThrows(EmberException.class,
        () -> EmberRunner.query(ember, "SELECT CAST(n_name AS INT) FROM nation"));
    assertEquals(EmberException.INVALID_TEXT_REPRESENTATION, e.sqlState(), e.getMessage());
  }

  @Test void closingAResultEarlyStopsTheQuery() throws Exception {
    try (QueryResult r = ember.execute("SELECT * FROM lineitem")) {
      assertNotNull(r.nextBatch());
    }
    // The executors dropped the cancelled query: the next one runs normally.
    oracle.assertSameAnswer("Q6 after a cancelled query", TpchQueries.text(6));
  }

  @ParameterizedTest(name = "Q{0}") @MethodSource("queries")
  void sameAnswerAsDuckDb(int q) {
    oracle.assertSameAnswer("Q" + q + " (local-cluster)", TpchQueries.text(q));
    assertTrue(ember.state().clusterEvents().stream().anyMatch(e -> e.kind() == JobEvent.Kind.TASK_SUCCEEDED),
        "no task ran on an executor");
  }
}
