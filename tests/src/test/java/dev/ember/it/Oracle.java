package dev.ember.it;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ember.api.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Asks DuckDB and Ember the same question and fails the test when the answers differ (see
 * {@link ResultComparator} for what "differ" means and {@link OrderSpec} for how the expected
 * order is read from the query).
 */
public final class Oracle {
  private final Connection duck;
  private final Session ember;

  public Oracle(Connection duck, Session ember) {
    this.duck = duck;
    this.ember = ember;
  }

  /** Runs {@code sql} on both engines; the order is read from the query's ORDER BY. */
  public void assertSameAnswer(String label, String sql) {
    assertSameAnswer(label, sql, sql);
  }

  /**
   * Runs {@code duckSql} on DuckDB and {@code emberSql} on Ember (the same question, worded for
   * each engine's catalog); the order is read from {@code duckSql}.
   */
  public void assertSameAnswer(String label, String duckSql, String emberSql) {
    QueryRows expected = duckDb(label, duckSql);
    OrderSpec order = OrderSpec.of(duckSql, expected.columns());
    QueryRows actual = EmberRunner.query(ember, emberSql);
    Optional<String> mismatch = ResultComparator.compare(expected, actual, order);
    mismatch.ifPresent(m -> fail(label + ": Ember's answer differs from DuckDB's: " + m));
  }

  private QueryRows duckDb(String label, String sql) {
    try {
      return DuckDbRunner.query(duck, sql);
    } catch (SQLException e) {
      throw new IllegalStateException(label + ": DuckDB failed (the test or its data is wrong, not Ember)", e);
    }
  }
}
