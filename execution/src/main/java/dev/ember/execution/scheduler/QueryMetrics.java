package dev.ember.execution.scheduler;

import dev.ember.execution.memory.MemorySize;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a query moved and held beyond what its driver-side counters see: the bytes its shuffles
 * wrote (the size of every finished map stage's outputs, collected by the launcher: Arrow buffer
 * bytes in local mode, Arrow IPC bytes in cluster mode) and, in cluster mode, each executor's
 * latest {@link ExecutorMetrics}. Shown by {@code EXPLAIN ANALYZE} and the query's result;
 * thread-safe.
 */
public final class QueryMetrics {
  private final AtomicLong bytesShuffled = new AtomicLong();
  private final Map<String, ExecutorMetrics> executors = new ConcurrentHashMap<>();

  /** A map stage finished: its outputs, {@code bytes} over all partitions, were shuffled. */
  public void shuffled(long bytes) { bytesShuffled.addAndGet(bytes); }

  /** An executor's cumulative report, sent with a task result. */
  public void executorReport(String executorId, ExecutorMetrics m) {
    if (m != null) executors.merge(executorId, m, ExecutorMetrics::max);
  }

  /** Bytes written by the query's map stages. */
  public long bytesShuffled() { return bytesShuffled.get(); }

  /** Shuffle bytes executors fetched from other executors (over the network); 0 in local mode. */
  public long bytesFetchedRemotely() { return sum(ExecutorMetrics::bytesFetchedRemotely); }

  /** Bytes the executors spilled (the driver's own spills are in the query's {@code SpillMetrics}). */
  public long executorBytesSpilled() { return sum(ExecutorMetrics::bytesSpilled); }

  public long executorRowsSpilled() { return sum(ExecutorMetrics::rowsSpilled); }

  public long executorRowsRead() { return sum(ExecutorMetrics::rowsRead); }

  /** The highest peak of the query's memory on any one executor; 0 in local mode. */
  public long executorPeakMemory() {
    return executors.values().stream().mapToLong(ExecutorMetrics::peakMemory).max().orElse(0);
  }

  /** Executors that reported on the query. */
  public int executorCount() { return executors.size(); }

  private long sum(java.util.function.ToLongFunction<ExecutorMetrics> f) {
    return executors.values().stream().mapToLong(f).sum();
  }

  /** One line per metric, for EXPLAIN ANALYZE and the query-finished event. */
  public static String describe(long shuffled, long fetchedRemotely, long spilledBytes, long spilledRows,
                                long peakMemory, int executors) {
    StringBuilder sb = new StringBuilder();
    sb.append("bytes shuffled: ").append(shuffled).append(" (").append(MemorySize.format(shuffled)).append(")\n");
    if (executors > 0) {
      sb.append("bytes fetched from other executors: ").append(fetchedRemotely)
          .append(" (").append(MemorySize.format(fetchedRemotely)).append(")\n");
    }
    sb.append("bytes spilled: ").append(spilledBytes).append(" (").append(spilledRows).append(" rows)\n");
    sb.append(executors > 0 ? "peak memory per executor: " : "peak memory: ").append(peakMemory)
        .append(" (").append(MemorySize.format(peakMemory)).append(")\n");
    return sb.toString();
  }
}
