package dev.ember.execution.scheduler;

/**
 * What one executor measured of one query so far, cumulative from the query's first task there:
 * sent to the driver with every task result, so the driver's {@link QueryMetrics} see executors'
 * memory and network use as well as their own.
 *
 * @param bytesFetchedRemotely shuffle bytes this executor's tasks fetched from other executors
 * @param bytesSpilled bytes the query's operators on this executor wrote to spill files
 * @param rowsSpilled rows written to those spill files
 * @param peakMemory the most off-heap memory the query held at once on this executor
 * @param rowsRead rows the query's scans on this executor got from their sources
 */
public record ExecutorMetrics(long bytesFetchedRemotely, long bytesSpilled, long rowsSpilled, long peakMemory,
                              long rowsRead) implements java.io.Serializable {
  public static final ExecutorMetrics NONE = new ExecutorMetrics(0, 0, 0, 0, 0);

  /**
   * The later of two reports of the same executor. Every field only grows, so the field-wise
   * maximum is right whatever order concurrently finished tasks' reports arrive in.
   */
  public ExecutorMetrics max(ExecutorMetrics o) {
    return new ExecutorMetrics(Math.max(bytesFetchedRemotely, o.bytesFetchedRemotely), Math.max(bytesSpilled, o.bytesSpilled),
        Math.max(rowsSpilled, o.rowsSpilled), Math.max(peakMemory, o.peakMemory), Math.max(rowsRead, o.rowsRead));
  }
}
