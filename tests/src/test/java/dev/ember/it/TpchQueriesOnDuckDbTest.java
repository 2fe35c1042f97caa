package dev.ember.it;

import dev.ember.datasources.tpch.TpchQueries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A check of the harness without Ember: all 22 queries answered by DuckDB from tables filled
 * straight from the generator and by DuckDB reading the cached Parquet files must agree under
 * {@link ResultComparator}. This proves the query texts run, their ORDER BY can be read, and
 * the Parquet cache holds the generator's data.
 */
class TpchQueriesOnDuckDbTest {
  private static Connection generated;
  private static Connection parquet;

  @BeforeAll static void setUp() throws Exception {
    generated = TpchData.openDuckDb();
    TpchData.generateInto(generated, TpchData.TINY);
    parquet = TpchData.openDuckDb();
    for (String table : TpchData.tableNames()) {
      TpchData.execute(parquet, "CREATE VIEW " + table + " AS SELECT * FROM read_parquet('"
          + TpchData.sqlPath(TpchData.parquetFile(TpchData.TINY, table)) + "')");
    }
  }

  @AfterAll static void tearDown() throws Exception {
    if (generated != null) generated.close();
    if (parquet != null) parquet.close();
  }

  static IntStream queries() { return IntStream.rangeClosed(1, TpchQueries.COUNT); }

  @ParameterizedTest(name = "Q{0}") @MethodSource("queries")
  void parquetAnswersEqualGeneratedAnswers(int q) throws Exception {
    String sql = TpchQueries.text(q);
    QueryRows expected = DuckDbRunner.query(generated, sql);
    QueryRows actual = DuckDbRunner.query(parquet, sql);
    assertTrue(expected.size() > 0, "Q" + q + " returns no rows at SF 0.01: a useless check");
    Optional<String> mismatch = ResultComparator.compare(expected, actual, OrderSpec.of(sql, expected.columns()));
    assertEquals(Optional.empty(), mismatch);
  }
}
