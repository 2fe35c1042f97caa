package dev.ember.sql;

/** What {@code EXPLAIN} shows, as in Spark: {@code EXPLAIN [EXTENDED|CODEGEN|COST|FORMATTED|ANALYZE]}. */
public enum ExplainMode {
  /** The physical plan. */
  SIMPLE,
  /** Parsed, analyzed, optimized and physical plans. */
  EXTENDED,
  /** The generated code. */
  CODEGEN,
  /** The optimized plan with statistics. */
  COST,
  /** An outline of the physical plan followed by node details. */
  FORMATTED,
  /**
   * Runs the query (discarding its rows), then shows the physical plan as adaptive execution
   * finally ran it, and the plan it started from.
   */
  ANALYZE
}
