package dev.ember.cli;

import dev.ember.api.QueryResult;

/**
 * Writes the outcome of statements in one output format. A printer lives for a whole run, so it
 * can separate successive result sets; it reads each result batch by batch and never holds more
 * than its format needs.
 */
public interface ResultPrinter {
  /** Reads {@code result} (which has rows) to its end and prints it. */
  void printRows(QueryResult result, Stopwatch watch);

  /** Acknowledges a statement that returned no rows. */
  void printOk(Stopwatch watch);
}
