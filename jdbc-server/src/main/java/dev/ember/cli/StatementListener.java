package dev.ember.cli;

import dev.ember.api.QueryResult;

/** Told when a statement's result is open and when the statement is over: the shell's progress bar. */
interface StatementListener {
  StatementListener NONE = new StatementListener() {};

  /** {@code result} is open and about to be printed. */
  default void started(QueryResult result) {}

  /** The statement ended (printed or failed). */
  default void ended(Stopwatch watch) {}

  /** Tells {@code first}, then {@code second}. */
  static StatementListener both(StatementListener first, StatementListener second) {
    return new StatementListener() {
      @Override public void started(QueryResult result) {
        first.started(result);
        second.started(result);
      }

      @Override public void ended(Stopwatch watch) {
        first.ended(watch);
        second.ended(watch);
      }
    };
  }
}
