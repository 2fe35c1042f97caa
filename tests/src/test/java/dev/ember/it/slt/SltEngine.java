package dev.ember.it.slt;

import java.util.List;

/** Something that runs the SQL of a record: Ember under test, or DuckDB writing expectations. */
interface SltEngine extends AutoCloseable {
  /** The name {@code skipif}/{@code onlyif} lines match: "ember" or "duckdb". */
  String name();

  /** Runs {@code sql} and reads all of its rows (statements and queries alike). */
  Outcome run(String sql);

  @Override void close();

  /** What running a record's SQL gave. */
  sealed interface Outcome {}

  /** Rows rendered with {@link SltText}, and one type letter per column (see {@link SltTypes}). */
  record Rows(String types, List<List<String>> rows) implements Outcome {}

  /**
   * An error. {@code userError} is true when it is an error a user can cause (for Ember: an
   * {@code EmberException} with a SQLSTATE other than XX000); {@code text} is what
   * {@code statement error} patterns are matched against.
   */
  record Failure(boolean userError, String text) implements Outcome {}
}
