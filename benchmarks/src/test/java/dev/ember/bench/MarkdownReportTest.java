package dev.ember.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
  private static final AnswerCheck.Verdict YES = new AnswerCheck.Verdict(true, "");
  private static final MarkdownReport.Environment ENV =
      new MarkdownReport.Environment(2, "os", "jdk", 1024, "v2", "today", "run-tpch.sh --spark");

  @Test void aThirdEngineGetsItsColumnsAndTotals() {
    BenchOptions options = BenchOptions.parse("--base", "/b", "--threads", "2");
    List<QueryResultRow> rows = List.of(
        new QueryResultRow(1, 200, 100, 4, YES, null, List.of(new OtherEngineResult("Spark", 2000, YES, null))),
        new QueryResultRow(2, 800, 100, 9, YES, null,
            List.of(new OtherEngineResult("Spark", 1000, new AnswerCheck.Verdict(false, "rows: DuckDB 9, Spark 8"), null))),
        new QueryResultRow(3, 100, 50, 1, YES, null,
            List.of(new OtherEngineResult("Spark", Double.NaN, new AnswerCheck.Verdict(false, "Spark: timed out"), "timed out after 120 s"))));
    String report = MarkdownReport.render(rows, options, ENV);
    assertTrue(report.contains("| query | Ember ms | DuckDB ms | ratio | Spark ms | Ember / Spark | Spark agrees | rows | answers agree |"), report);
    assertTrue(report.contains("| Q01 | 200 | 100 | 2.00 | 2000 | 0.100 | yes | 4 | yes |"), report);
    assertTrue(report.contains("| Q02 | 800 | 100 | 8.00 | 1000 | 0.800 | **NO** | 9 | yes |"), report);
    assertTrue(report.contains("| Q03 | 100 | 50.0 | 2.00 | timeout | – | – | 1 | yes |"), report);
    // Means over Q01 and Q02 only (Spark has no time for Q03): geomean Ember 400, DuckDB 100, Spark 1414.
    assertTrue(report.contains("Over the 2 of 3 queries every engine answered in time"), report);
    assertTrue(report.contains("| geometric mean ms | 400 | 100 | 4.00 | 1414 | 0.283 |"), report);
    assertTrue(report.contains("| sum ms | 1000 | 200 | 5.00 | 3000 | 0.333 |"), report);
    assertTrue(report.contains("- Q02: Spark vs DuckDB: rows: DuckDB 9, Spark 8"), report);
    assertTrue(report.contains("Spark local[2]"), report);
  }

  @Test void withoutOtherEnginesTheTableIsEmberAndDuckDb() {
    BenchOptions options = BenchOptions.parse("--base", "/b", "--threads", "2");
    String report = MarkdownReport.render(List.of(new QueryResultRow(6, 300, 100, 1, YES, null)), options, ENV);
    assertTrue(report.contains("| query | Ember ms | DuckDB ms | ratio | rows | answers agree |"), report);
    assertTrue(report.contains("| Q06 | 300 | 100 | 3.00 | 1 | yes |"), report);
    assertTrue(report.contains("| geometric mean ms | 300 | 100 | 3.00 |\n"), report);
    assertFalse(report.contains("Spark"), report);
  }
}
