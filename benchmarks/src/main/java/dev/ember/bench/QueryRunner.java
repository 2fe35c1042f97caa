package dev.ember.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one query on every engine: {@code warmup} untimed runs each, then {@code runs} timed runs
 * alternating Ember, DuckDB and the other engines (so drift in the machine's load hits all alike),
 * and compares the last answers with DuckDB's. An engine's first failure or time-out ends its part;
 * the others are still timed.
 */
final class QueryRunner {
  private final QueryEngine ember;
  private final QueryEngine duckDb;
  private final List<QueryEngine> others;
  private final BenchOptions options;
  private final TimedCall calls = new TimedCall();

  QueryRunner(QueryEngine ember, QueryEngine duckDb, List<QueryEngine> others, BenchOptions options) {
    this.ember = ember;
    this.duckDb = duckDb;
    this.others = List.copyOf(others);
    this.options = options;
  }

  QueryResultRow run(int q) {
    String sql = TpchQueryTexts.text(q);
    List<Side> sides = new ArrayList<>();
    Side emberSide = new Side(ember);
    Side duckSide = new Side(duckDb);
    sides.add(emberSide);
    sides.add(duckSide);
    for (QueryEngine e : others) sides.add(new Side(e));
    for (int i = 0; i < options.warmupRuns(); i++) {
      for (Side s : sides) s.run(sql, false);
    }
    for (int i = 0; i < options.timedRuns(); i++) {
      for (Side s : sides) s.run(sql, true);
    }
    long rows = duckSide.last != null ? duckSide.last.rowCount() : -1;
    List<OtherEngineResult> otherResults = new ArrayList<>();
    for (Side s : sides.subList(2, sides.size())) {
      otherResults.add(new OtherEngineResult(s.engine.name(), s.medianOrNaN(), s.verdictAgainst(duckSide), s.problem));
    }
    return new QueryResultRow(q, emberSide.medianOrNaN(), duckSide.medianOrNaN(), rows,
        emberSide.verdictAgainst(duckSide), emberSide.problem, otherResults);
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

    double medianOrNaN() {
      if (problem != null) return Double.NaN;
      return QueryResultRow.median(millis.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** This engine's last answer checked against the reference's (DuckDB's). */
    AnswerCheck.Verdict verdictAgainst(Side reference) {
      if (reference.problem != null) return new AnswerCheck.Verdict(false, reference.engine.name() + ": " + reference.problem);
      if (problem != null) return new AnswerCheck.Verdict(false, engine.name() + ": " + problem);
      return AnswerCheck.check(reference.last, last, engine.name());
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
