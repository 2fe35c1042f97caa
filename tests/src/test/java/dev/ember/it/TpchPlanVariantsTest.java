package dev.ember.it;

import dev.ember.datasources.tpch.TpchQueries;
import dev.ember.api.Session;
import java.sql.Connection;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same TPC-H answers along the engine's other paths: every join shuffled instead of
 * broadcast (hash exchanges on both sides, build tables per task, three partitions), and every
 * pipeline interpreted instead of generated, and the joins in their cost-based order (left-deep or
 * bushy; off by default).
 */
class TpchPlanVariantsTest {
  static IntStream queries() { return TpchParquetTest.queries(); }

  private static Connection duck;
  private static Session shuffled;
  private static Session interpreted;
  private static Session connectedOrder;

  @BeforeAll static void setUp() throws Exception {
    duck = TpchData.openDuckDbOverParquet(TpchData.TINY);
    shuffled = Session.builder().master("local[2]")
        .config("ember.sql.autoBroadcastJoinThreshold", "-1")
        .config("ember.sql.shuffle.partitions", "3").getOrCreate();
    EmberViews.parquet(shuffled, TpchData.TINY);
    interpreted = Session.builder().master("local[2]").config("ember.codegen.enabled", "false").getOrCreate();
    EmberViews.parquet(interpreted, TpchData.TINY);
    connectedOrder = Session.builder().master("local[2]").config("ember.sql.cbo.joinReorder.enabled", "false").getOrCreate();
    EmberViews.parquet(connectedOrder, TpchData.TINY);
  }

  @AfterAll static void tearDown() throws Exception {
    if (shuffled != null) shuffled.close();
    if (interpreted != null) interpreted.close();
    if (connectedOrder != null) connectedOrder.close();
    if (duck != null) duck.close();
  }

  @ParameterizedTest(name = "Q{0}") @MethodSource("queries")
  void shuffledJoins(int q) {
    new Oracle(duck, shuffled).assertSameAnswer("Q" + q + " (shuffled joins)", TpchQueries.text(q));
  }

  @ParameterizedTest(name = "Q{0}") @MethodSource("queries")
  void interpretedPipelines(int q) {
    new Oracle(duck, interpreted).assertSameAnswer("Q" + q + " (interpreted)", TpchQueries.text(q));
  }

  @ParameterizedTest(name = "Q{0}") @MethodSource("queries")
  void statisticsFreeJoinOrder(int q) {
    new Oracle(duck, connectedOrder).assertSameAnswer("Q" + q + " (statistics-free join order)", TpchQueries.text(q));
  }
}
