package dev.ember.it.tpcds;

import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.it.DuckDbRunner;
import dev.ember.it.EmberRunner;
import dev.ember.it.OrderSpec;
import dev.ember.it.QueryRows;
import dev.ember.it.ResultComparator;
import dev.ember.it.tpcds.Outcome.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Queries that divide by zero at SF 0.01, where Ember raises 22012 as Spark 4's ANSI mode does and
 * DuckDB returns NULL: each has a copy in {@code tpcds/ansi/} with the divisor wrapped in
 * {@code NULLIF(…, 0)} (see the README there). The original must raise 22012 on Ember (or match
 * outright), the copy must give DuckDB its answer to the original, and Ember must match DuckDB on
 * the copy; then the query is {@link Status#ANSI_ERROR}, otherwise what went wrong. DuckDB's own
 * quotients by zero are NaN or infinite doubles, which the guard turns into NULL.
 */
final class AnsiVariants {
  static final String DIVISION_BY_ZERO = "22012";

  private AnsiVariants() {}

  static boolean has(String name) { return AnsiVariants.class.getResource(resource(name)) != null; }

  static Outcome run(String name, String sql, QueryRows expected, Connection duck, Session ember, long start) {
    try {
      QueryRows actual = EmberRunner.query(ember, sql);
      // The data no longer divides by zero: an ordinary comparison.
      Optional<String> mismatch = ResultComparator.compare(expected, actual, OrderSpec.lenient(sql, expected.columns()));
      return mismatch.map(m -> new Outcome(name, Status.WRONG_ANSWER, m, millis(start)))
          .orElseGet(() -> new Outcome(name, Status.MATCH, expected.size() + " rows", millis(start)));
    } catch (EmberException e) {
      if (!DIVISION_BY_ZERO.equals(e.sqlState())) throw e;
    }
    String guarded = text(name);
    QueryRows duckGuarded;
    try {
      duckGuarded = DuckDbRunner.query(duck, guarded);
    } catch (SQLException e) {
      throw new IllegalStateException("q" + name + ": DuckDB failed on " + resource(name), e);
    }
    Optional<String> same = ResultComparator.compare(nonFiniteAsNull(expected), duckGuarded,
        OrderSpec.lenient(sql, expected.columns()));
    if (same.isPresent()) {
      throw new IllegalStateException("q" + name + ": the NULLIF guard changes DuckDB's answer: " + same.get());
    }
    QueryRows actual = EmberRunner.query(ember, guarded);
    Optional<String> mismatch = ResultComparator.compare(duckGuarded, actual,
        OrderSpec.lenient(guarded, duckGuarded.columns()));
    return mismatch.map(m -> new Outcome(name, Status.WRONG_ANSWER, "with the NULLIF guard: " + m, millis(start)))
        .orElseGet(() -> new Outcome(name, Status.ANSI_ERROR, "22012 on the text as Spark 4; with the NULLIF guard "
            + duckGuarded.size() + " rows as DuckDB", millis(start)));
  }

  /**
   * DuckDB's answer with NaN and infinite doubles (its quotients by zero) as NULL: what the NULLIF
   * guard makes of them, and the only change it may make.
   */
  static QueryRows nonFiniteAsNull(QueryRows rows) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> row : rows.rows()) {
      List<Object> copy = new ArrayList<>(row);
      copy.replaceAll(v -> v instanceof Double d && !Double.isFinite(d) ? null : v);
      out.add(copy);
    }
    return new QueryRows(rows.columns(), out);
  }

  private static long millis(long start) { return (System.nanoTime() - start) / 1_000_000; }

  private static String resource(String name) { return "/tpcds/ansi/" + name + ".sql"; }

  private static String text(String name) {
    try (InputStream in = AnsiVariants.class.getResourceAsStream(resource(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(resource(name), e);
    }
  }
}
