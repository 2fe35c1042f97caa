package dev.ember.api;

import dev.ember.catalyst.types.Schema;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The result of one statement, streamed as Arrow batches. Statements that return no rows
 * ({@code SET}, {@code CREATE …}) have {@link #hasRows()} false and an empty schema.
 * Closing the result frees its memory and stops the query if it is still running.
 */
public interface QueryResult extends AutoCloseable {
  /** Column names and types of the rows. */
  Schema schema();

  /** False for statements that produce no result set. */
  boolean hasRows();

  /**
   * The next batch, or null at the end. The batch belongs to the result and is valid until the
   * next call or {@link #close()}; columns are in schema order with Ember's Arrow mapping.
   */
  VectorSchemaRoot nextBatch();

  /**
   * How far the query behind this result has got; callable from any thread while another reads
   * the batches (the shell's progress bar). {@link QueryProgress#NONE} when nothing is running.
   */
  default QueryProgress progress() { return QueryProgress.NONE; }

  /**
   * Rows the query's scans have read from storage so far (after sources skipped row groups,
   * files or partitions by pushed filters): what pushdown saves. 0 for results that are no query.
   */
  default long rowsRead() { return 0; }

  /**
   * Cancels the query from any thread, without waiting: its tasks stop within a second, and the
   * reader's next (or current, blocked) {@link #nextBatch()} fails with SQLSTATE 57014. The
   * reader still closes the result, which waits for the tasks and frees the query's memory.
   * Nothing happens when the query has already finished or the result is not a query's.
   */
  default void cancel() {}

  /** Rows the Bloom runtime filters dropped at the scans, before any join saw them (this process's tasks). */
  default long rowsDroppedByRuntimeFilters() { return 0; }

  /** Bytes the query's operators have written to spill files so far (memory ran short); 0 for results that are no query. */
  default long bytesSpilled() { return 0; }

  /** Bytes of the above that were shuffle outputs waiting for their readers, spilled when the query's memory limit was reached. */
  default long shuffleBytesSpilled() { return 0; }

  /** Rows the query's operators have written to spill files so far. */
  default long rowsSpilled() { return 0; }

  /**
   * Bytes the query's shuffles wrote, summed over its finished map stages as the driver learns
   * them from the map outputs: Arrow IPC bytes in cluster mode, the outputs' Arrow buffers in
   * local mode. 0 for a query without a shuffle and for results that are no query.
   */
  default long bytesShuffled() { return 0; }

  /** Shuffle bytes executors fetched from other executors over the network; 0 in local mode. */
  default long bytesFetchedRemotely() { return 0; }

  /**
   * The most off-heap memory the query held at once: on the driver in local mode, on the busiest
   * executor in cluster mode (each executor reports its peak with its task results).
   */
  default long peakMemory() { return 0; }

  /**
   * The physical plan the query ran, as Spark's {@code AdaptiveSparkPlan}: once the query has
   * finished, {@code isFinalPlan=true} with the final plan (re-planned by adaptive execution
   * with the real shuffle sizes) and the initial one; before, the plan so far. Empty for results
   * that are no query.
   */
  default String executedPlan() { return ""; }

  @Override void close();
}
