package dev.ember.execution.cluster;

import java.io.Serializable;

/** The messages between the driver and executors (each travels in a {@link WireFormat} envelope). */
public final class Messages {
  private Messages() {}

  /** Executor → driver, first message: who it is and where its block server listens. */
  public record RegisterExecutor(String executorId, String host, int blockPort, int cores) implements Serializable {}

  /** Executor → driver, every heartbeat interval. */
  public record Heartbeat(String executorId) implements Serializable {}

  /** Driver → executor: run a task. */
  public record LaunchTask(TaskDescription task) implements Serializable {}

  /** Driver → executor: the query ended; stop its tasks, free its memory, delete its shuffle files. */
  public record QueryDone(String queryId) implements Serializable {}

  /** Driver → executor: stop this attempt (another attempt of its task won); it still reports its status. */
  public record KillTask(TaskId task) implements Serializable {}

  /** Which attempt of which task a status is about. */
  public record TaskId(String queryId, int stageId, int partition, int attempt) implements Serializable {}

  /** Executor → driver: some result rows of a result-stage task, as an Arrow IPC stream. */
  public record ResultBlock(TaskId task, byte[] arrowIpc) implements Serializable {}

  /**
   * Executor → driver: a task succeeded. For a map task, the bytes it wrote per output
   * partition (its shuffle file is on the executor); null for a result task.
   */
  public record TaskSucceeded(TaskId task, String executorId, long[] partitionBytes) implements Serializable {}

  /**
   * Executor → driver: a task failed. {@code sqlState} is set when the error is an
   * {@code EmberException} (a user error, re-raised as such on the driver); {@code
   * fetchFailedExecutor} names the executor whose shuffle blocks could not be fetched (its map
   * outputs are then recomputed), else null.
   */
  public record TaskFailed(TaskId task, String executorId, String error, String sqlState, String fetchFailedExecutor)
      implements Serializable {}

  /** Executor → executor (block server): one partition of one map task's shuffle file. */
  public record FetchBlock(String queryId, int stageId, int mapIndex, int attempt, int partition)
      implements Serializable {}

  /** The answer to {@link FetchBlock}: the block and the CRC32 it was written with. */
  public record Block(byte[] data, long crc32) implements Serializable {}
}
