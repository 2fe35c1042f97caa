package dev.ember.datasources;

/**
 * One independent piece of a {@link DataSourceTable} (a generator part, a group of Parquet row
 * groups, a file). Serializable because splits travel to executors with their tasks.
 */
public interface ScanSplit extends java.io.Serializable {
  /** Short human-readable description for EXPLAIN, logs and errors. */
  String describe();
}
