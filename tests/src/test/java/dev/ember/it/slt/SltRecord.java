package dev.ember.it.slt;

import java.util.List;

/**
 * One record of a sqllogictest file. {@code line} is the 1-based line of the record's header
 * (after its {@code skipif}/{@code onlyif} lines) and is what failures report.
 */
sealed interface SltRecord {
  int line();

  /** {@code skipif <engine>} / {@code onlyif <engine>} lines in front of the record. */
  List<Condition> conditions();

  /** Whether the record runs on {@code engine} ("ember" or "duckdb"). */
  default boolean runsOn(String engine) {
    for (Condition c : conditions()) {
      if (c.skip() == c.engine().equalsIgnoreCase(engine)) return false;
    }
    return true;
  }

  /** {@code skipif x} ({@code skip} true) or {@code onlyif x}. */
  record Condition(boolean skip, String engine) {}

  /**
   * {@code statement ok} or {@code statement error [pattern]}. The error pattern may also come
   * DuckDB-style on the lines after a {@code ----} separator; null for {@code statement ok},
   * empty for "any error".
   */
  record Statement(int line, List<Condition> conditions, String sql, String errorPattern) implements SltRecord {
    boolean expectsError() { return errorPattern != null; }
  }

  /**
   * {@code query <types> [nosort|rowsort|valuesort]}, the SQL, {@code ----} and the expected
   * lines. {@code resultStart}/{@code resultEnd} are the 0-based line indexes of the expected
   * lines in the file (end exclusive), or -1 when the record has no {@code ----} yet; the
   * rewrite modes replace exactly that range.
   */
  record Query(int line, List<Condition> conditions, String types, SortMode sort, String sql,
      List<String> expected, int sqlEnd, int resultStart, int resultEnd) implements SltRecord {}

  /** {@code halt}: the rest of the file is not run. */
  record Halt(int line, List<Condition> conditions) implements SltRecord {}

  /** How rows are ordered before comparison. */
  enum SortMode {
    /** As the engine returned them: only for queries whose ORDER BY fixes the order. */
    NOSORT,
    /** Rows sorted by their text. */
    ROWSORT,
    /** Every value sorted on its own, one per line. */
    VALUESORT
  }
}
