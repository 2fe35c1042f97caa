package dev.ember.bench;

import java.util.Arrays;
import java.util.List;

/**
 * One line of the report: a query's median times per engine (NaN when there are none), the
 * number of rows in DuckDB's answer (-1 when DuckDB failed), whether the answers agree, and why
 * Ember has no time when it has none; {@code others} holds the further engines' outcomes (Spark),
 * in the order the benchmark was given them.
 */
public record QueryResultRow(int query, double emberMillis, double duckDbMillis, long rows,
    AnswerCheck.Verdict verdict, String emberProblem, List<OtherEngineResult> others) {

  public QueryResultRow { others = List.copyOf(others); }

  /** A line with Ember and DuckDB only. */
  public QueryResultRow(int query, double emberMillis, double duckDbMillis, long rows,
      AnswerCheck.Verdict verdict, String emberProblem) {
    this(query, emberMillis, duckDbMillis, rows, verdict, emberProblem, List.of());
  }

  /** True when Ember answered every run in time: the query counts in the geometric mean. */
  public boolean emberOk() { return emberProblem == null && !Double.isNaN(emberMillis); }

  public boolean bothOk() { return emberOk() && !Double.isNaN(duckDbMillis); }

  /** True when every engine, the others included, has a time: the query counts in every mean. */
  public boolean allOk() { return bothOk() && others.stream().allMatch(OtherEngineResult::ok); }

  public double ratio() { return emberMillis / duckDbMillis; }

  /** The median of the run times (the mean of the two middle ones for an even count). */
  static double median(double[] millis) {
    if (millis.length == 0) return Double.NaN;
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
