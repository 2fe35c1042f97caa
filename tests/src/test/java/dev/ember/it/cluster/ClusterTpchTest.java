package dev.ember.it.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.Session;
import dev.ember.datasources.tpch.TpchQueries;
import dev.ember.execution.cluster.JobEvent;
import dev.ember.it.EmberViews;
import dev.ember.it.Oracle;
import dev.ember.it.QueryList;
import dev.ember.it.TpchData;
import java.sql.Connection;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * All 22 TPC-H queries at SF 0.01 on {@code local-cluster[3,1,1024]} — three executor JVMs,
 * tasks shipped as serialised plans, shuffles over Netty — give DuckDB's answers.
 */
class ClusterTpchTest {
  static IntStream queries() { return QueryList.orDefault(IntStream.rangeClosed(1, TpchQueries.COUNT).toArray()); }

  private static Connection duck;
  private static Session ember;
  private static Oracle oracle;

  @BeforeAll static void setUp() throws Exception {
    duck = TpchData.openDuckDb();
    TpchData.generateInto(duck, TpchData.TINY);
    ember = Session.builder().master("local-cluster[3,1,1024]").getOrCreate();
    EmberViews.generatorCatalog(ember, "tiny");
    oracle = new Oracle(duck, ember);
  }

  @AfterAll static void tearDown() throws Exception {
    try {
      if (ember != null) ember.close();
      if (duck != null) duck.close();
    } finally {
      Executors.assertNoneLeft();
    }
  }

  @ParameterizedTest(name = "Q{0}") @MethodSource("queries")
  void sameAnswerAsDuckDb(int q) {
    oracle.assertSameAnswer("Q" + q + " (local-cluster)", TpchQueries.text(q));
    assertTrue(ember.state().clusterEvents().stream().anyMatch(e -> e.kind() == JobEvent.Kind.TASK_SUCCEEDED),
        "no task ran on an executor");
  }
}
