package dev.ember.it;

import dev.ember.datasources.tpch.TpchQueries;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * TPC-H at SF 0.01 from Parquet: Ember reads the cached files through
 * {@code CREATE TEMPORARY VIEW … USING parquet}, DuckDB reads the very same files, and the answers
 * must agree (see {@link ResultComparator}).
 *
 * <p>Run only the integration tests that need the engine:
 * <pre>
 * cd /work/main && mvn -o -q -pl tests test -Dtest='TpchParquetTest,TpchCatalogTest,ErrorsTest'
 * </pre>
 * or the whole module (adds the harness's own checks) with {@code mvn -o -q -pl tests test}.
 */
class TpchParquetTest extends TinyParquetComparison {
  /** The queries Ember answers from Parquet. Extend towards all 22 as they pass. */
  static IntStream queries() { return QueryList.orDefault(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22); }

  @ParameterizedTest(name = "Q{0}") @MethodSource("queries")
  void sameAnswerAsDuckDb(int q) {
    oracle.assertSameAnswer("Q" + q + " (Parquet, SF 0.01)", TpchQueries.text(q));
  }

  /** Ember runs the specification's standard text (interval arithmetic and all); DuckDB its own wording. */
  @ParameterizedTest(name = "Q{0} standard text") @MethodSource("queries")
  void standardTextSameAnswerAsDuckDb(int q) {
    oracle.assertSameAnswer("Q" + q + " standard text (Parquet, SF 0.01)", TpchQueries.text(q), TpchQueries.standardText(q));
  }

  /** The harness itself, against the real engine: a wrong answer fails, showing both engines' rows. */
  @Test void aWrongAnswerIsCaughtAndShown() {
    String right = "SELECT l_returnflag, count(*) AS n FROM lineitem GROUP BY l_returnflag ORDER BY l_returnflag";
    String wrong = "SELECT l_returnflag, count(*) AS n FROM lineitem WHERE l_linenumber > 1 GROUP BY l_returnflag ORDER BY l_returnflag";
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> oracle.assertSameAnswer("wrong on purpose", right, wrong));
    assertTrue(e.getMessage().contains("at row 0"), e.getMessage());
    assertTrue(e.getMessage().contains("DuckDB (expected), 3 rows:\n> 0: 'A' | "), e.getMessage());
    assertTrue(e.getMessage().contains("Ember (actual), 3 rows:\n> 0: 'A' | "), e.getMessage());
  }
}
