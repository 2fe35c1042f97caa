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
 * TPC-H at SF 0.01 from Ember's built-in generator catalog ({@code tpch.tiny.*}, registered as
 * views under the plain table names), checked against DuckDB answering from tables that
 * {@link TpchData} filled from the same generator. Run alone with
 * {@code cd /work/main && mvn -o -q -pl tests test -Dtest=TpchCatalogTest}.
 */
class TpchCatalogTest {
  /** The queries Ember answers from the generator catalog. Extend towards all 22 as they pass. */
  static IntStream queries() { return QueryList.orDefault(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22); }

  private static Connection duck;
  private static Session ember;
  private static Oracle oracle;

  @BeforeAll static void setUp() throws Exception {
    duck = TpchData.openDuckDb();
    TpchData.generateInto(duck, TpchData.TINY);
    ember = Session.builder().master("local[2]").getOrCreate();
    EmberViews.generatorCatalog(ember, "tiny");
    oracle = new Oracle(duck, ember);
  }

  @AfterAll static void tearDown() throws Exception {
    if (ember != null) ember.close();
    if (duck != null) duck.close();
  }

  @ParameterizedTest(name = "Q{0}") @MethodSource("queries")
  void sameAnswerAsDuckDb(int q) {
    oracle.assertSameAnswer("Q" + q + " (tpch.tiny)", TpchQueries.text(q));
  }

  /**
   * Any scale can be named, listed or not: {@code sf0_1} is SF 0.1 (the README's example). The
   * TPC-H specification fixes nation at 25 rows and supplier at 10,000 × SF.
   */
  @org.junit.jupiter.api.Test void anUnlistedScaleIsASchemaToo() {
    QueryRows r = EmberRunner.query(ember,
        "SELECT (SELECT count(*) FROM tpch.sf0_1.nation), (SELECT count(*) FROM TPCH.SF0_1.supplier)");
    org.junit.jupiter.api.Assertions.assertEquals("[[25, 1000]]", r.rows().toString());
  }
}
