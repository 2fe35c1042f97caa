package dev.ember.it.tpcds;

/** What happened to one TPC-DS query: its status, a one-line detail and Ember's run time. */
record Outcome(String name, Status status, String detail, long millis) {
  enum Status {
    /** Same answer as DuckDB. */
    MATCH,
    /** Ember answered, but not DuckDB's answer. */
    WRONG_ANSWER,
    /** Ember refused the query with a "not supported" error (SQLSTATE 0A000). */
    NOT_SUPPORTED,
    /** Ember refused the query with another EmberException. */
    ERROR,
    /** Ember failed with an exception that is not an EmberException, or an internal error. */
    CRASH
  }

  /** The detail on one line, cut to {@code max} characters. */
  String shortDetail(int max) {
    String s = detail.replaceAll("\\s+", " ").strip();
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
