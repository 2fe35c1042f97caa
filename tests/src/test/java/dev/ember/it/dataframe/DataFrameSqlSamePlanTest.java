package dev.ember.it.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.api.DataFrame;
import dev.ember.api.Session;
import dev.ember.datasources.tpch.TpchQueries;
import dev.ember.it.EmberViews;
import dev.ember.it.TpchData;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same TPC-H question asked in SQL and with the DataFrame API gives the same optimized
 * logical plan and the same physical plan (plan strings hide expression ids), and DuckDB's answer.
 */
class DataFrameSqlSamePlanTest {
  private static Session session;
  private static Connection duck;

  @BeforeAll static void setUp() throws Exception {
    session = Session.builder().master("local[2]").getOrCreate();
    EmberViews.generatorCatalog(session, "tiny");
    duck = TpchData.openDuckDb();
    TpchData.generateInto(duck, TpchData.TINY);
  }

  @AfterAll static void tearDown() throws Exception {
    if (session != null) session.stop();
    if (duck != null) duck.close();
  }

  @ParameterizedTest(name = "Q{0}") @ValueSource(ints = {1, 3, 5, 6, 10})
  void sameOptimizedPlanAsSql(int q) {
    String sql = TpchQueries.text(q);
    DataFrame fromSql = session.sql(sql);
    DataFrame fromApi = TpchDataFrames.query(session, q);
    assertEquals(fromSql.schema(), fromApi.schema(), "Q" + q + " result schema");
    assertEquals(fromSql.explainString("simple"), fromApi.explainString("simple"), "Q" + q + " plans");
    new DataFrameOracle(duck).assertSame("Q" + q, sql, fromApi);
  }
}
