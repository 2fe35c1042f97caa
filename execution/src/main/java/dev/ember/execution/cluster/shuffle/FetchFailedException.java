package dev.ember.execution.cluster.shuffle;

/**
 * A shuffle block could not be fetched (its executor is gone, or the block arrived corrupt):
 * the driver recomputes that executor's map outputs and retries the task, without counting the
 * attempt against the task.
 */
public final class FetchFailedException extends RuntimeException {
  private final String executorId;

  public FetchFailedException(String executorId, String message, Throwable cause) {
    super(message, cause);
    this.executorId = executorId;
  }

  public String executorId() { return executorId; }

  /** The fetch failure in {@code t}'s cause chain, or null. */
  public static FetchFailedException find(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof FetchFailedException f) return f;
    }
    return null;
  }
}
