package dev.ember.execution.cluster;

/**
 * Something that happened while running queries on executors, recorded by the driver in order
 * ({@link ClusterManager#events()}): for tests, logs and the progress of long queries.
 *
 * @param stageId -1 (and partition, attempt -1) for executor events
 */
public record JobEvent(long timeMillis, Kind kind, String queryId, int stageId, int partition, int attempt,
                       String executorId, String detail) {
  public enum Kind {
    EXECUTOR_REGISTERED, EXECUTOR_LOST,
    TASK_STARTED, TASK_SUCCEEDED, TASK_FAILED, FETCH_FAILED, TASK_RESUBMITTED, MAP_OUTPUT_LOST,
    /** A straggler got a speculative copy (the event names the slow attempt). */
    TASK_SPECULATED,
    /** An attempt was stopped because another attempt of its task won. */
    TASK_KILLED
  }

  static JobEvent executor(Kind kind, String executorId, String detail) {
    return new JobEvent(System.currentTimeMillis(), kind, null, -1, -1, -1, executorId, detail);
  }

  static JobEvent task(Kind kind, Messages.TaskId t, String executorId, String detail) {
    return new JobEvent(System.currentTimeMillis(), kind, t.queryId(), t.stageId(), t.partition(), t.attempt(),
        executorId, detail);
  }

  @Override public String toString() {
    return kind + (queryId == null ? "" : " " + queryId + " stage " + stageId + " task " + partition + "." + attempt)
        + (executorId == null ? "" : " on " + executorId) + (detail == null ? "" : ": " + detail);
  }
}
