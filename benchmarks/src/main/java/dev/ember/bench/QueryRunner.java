package dev.ember.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one query on both engines: {@code warmup} untimed runs each, then {@code runs} timed runs
 * alternating Ember and DuckDB (so drift in the machine's load hits both alike), and compares the
 * last answers. Ember's first failure or time-out ends its part; DuckDB is still timed.
 */
final class QueryRunner {
  private final QueryEngine ember;
  private final QueryEngine duckDb;
  private final BenchOptions options;
  private final TimedCall calls = new TimedCall();

  QueryRunner(QueryEngine ember, QueryEngine duckDb, BenchOptions options) {
    this.ember = ember;
    this.duckDb = duckDb;
    this.options = options;
  }

  QueryResultRow run(int q) {
    String sql = TpchQueryTexts.text(q);
    Side emberSide = new Side(ember);
    Side duckSide = new Side(duckDb);
    for (int i = 0; i < options.warmupRuns(); i++) {
      emberSide.run(sql, false);
      duckSide.run(sql, false);
    }
    for (int i = 0; i < options.timedRuns(); i++) {
      emberSide.run(sql, true);
      duckSide.run(sql, true);
    }
    double emberMs = emberSide.problem == null ? emberSide.median() : Double.NaN;
    double duckMs = duckSide.problem == null ? duckSide.median() : Double.NaN;
    long rows = duckSide.last != null ? duckSide.last.rowCount() : -1;
    AnswerCheck.Verdict verdict;
    if (duckSide.problem != null) {
      verdict = new AnswerCheck.Verdict(false, "DuckDB: " + duckSide.problem);
    } else if (emberSide.problem != null) {
      verdict = new AnswerCheck.Verdict(false, "Ember: " + emberSide.problem);
    } else {
      verdict = AnswerCheck.check(duckSide.last, emberSide.last);
    }
    return new QueryResultRow(q, emberMs, duckMs, rows, verdict, emberSide.problem);
  }

  /** One engine's runs of the current query. */
  private final class Side {
    final QueryEngine engine;
    final List<Double> millis = new ArrayList<>();
    Answer last;
    String problem;

    Side(QueryEngine engine) { this.engine = engine; }

    void run(String sql, boolean timed) {
      if (problem != null) return;
      TimedCall.Outcome o = calls.run(() -> engine.run(sql), options.timeoutSeconds());
      if (o.timedOut()) {
        problem = "timed out after " + options.timeoutSeconds() + " s";
      } else if (!o.ok()) {
        problem = describe(o.error());
      } else {
        last = o.answer();
        if (timed) millis.add(o.millis());
      }
    }

    double median() {
      return QueryResultRow.median(millis.stream().mapToDouble(Double::doubleValue).toArray());
    }
  }

  /** The error's class and message on one line, with its first cause when that adds something. */
  static String describe(Throwable e) {
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    Throwable cause = e.getCause();
    if (cause != null && cause != e && (e.getMessage() == null || !e.getMessage().contains(String.valueOf(cause.getMessage())))) {
      text += " (caused by " + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }
    return text.replaceAll("\\s+", " ").strip();
  }

  void close() { calls.close(); }
}
