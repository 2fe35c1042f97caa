package dev.ember.bench;

/**
 * One query's outcome on an engine beside Ember and DuckDB (Spark with {@code run-tpch.sh --spark}):
 * its median time (NaN when it failed or timed out), whether its answer agrees with DuckDB's, and
 * why it has no time when it has none.
 */
public record OtherEngineResult(String engine, double millis, AnswerCheck.Verdict verdict, String problem) {

  public boolean ok() { return problem == null && !Double.isNaN(millis); }
}
