package dev.ember.bench;

/**
 * One engine under test with the eight TPC-H tables registered over the benchmark's Parquet
 * files. {@link #run} is one timed unit: execute the query and consume every row, converting each
 * value to its canonical form (the answers are small, so this costs little next to the query).
 */
public interface QueryEngine extends AutoCloseable {
  String name();

  Answer run(String sql) throws Exception;

  @Override void close() throws Exception;
}
