package dev.ember.it.tpcds;

/** What happened to one TPC-DS query: its status, a one-line detail and Ember's run time. */
record Outcome(String name, Status status, String detail, long millis) {
  enum Status {
    /** Same answer as DuckDB. */
    MATCH,
    /**
     * Ember raised 22012 division by zero as Spark 4's ANSI mode does where DuckDB returns NULL, and
     * answers as DuckDB does once the divisor is guarded with NULLIF (see {@code tpcds/ansi/README.md}).
     */
    ANSI_ERROR,
    /** Ember answered, but not DuckDB's answer. */
    WRONG_ANSWER,
    /** Ember refused the query with a "not supported" error (SQLSTATE 0A000). */
    NOT_SUPPORTED,
    /** Ember refused the query with another EmberException. */
    ERROR,
    /** Ember failed with an exception that is not an EmberException, or an internal error. */
    CRASH
  }

  /** True for the statuses counted as matching DuckDB. */
  boolean matches() { return status == Status.MATCH || status == Status.ANSI_ERROR; }

  /** The detail on one line, cut to {@code max} characters. */
  String shortDetail(int max) {
    String s = detail.replaceAll("\\s+", " ").strip();
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
