package dev.ember.execution.scheduler;

/**
 * What local mode's speculation reports (the cluster manager records it as job events, as the
 * driver does for executors).
 */
public interface TaskEvents {
  TaskEvents NONE = new TaskEvents() {
    @Override public void speculated(String queryId, int stage, int partition, int attempt, long runningMillis) {}

    @Override public void succeeded(String queryId, int stage, int partition, int attempt, String detail) {}

    @Override public void killed(String queryId, int stage, int partition, int attempt, String detail) {}
  };

  /** Attempt {@code attempt} of a task runs too long: a speculative copy starts. */
  void speculated(String queryId, int stage, int partition, int attempt, long runningMillis);

  /** An attempt of a copied task finished first; {@code detail} says which copy won. */
  void succeeded(String queryId, int stage, int partition, int attempt, String detail);

  /** An attempt was stopped because another attempt of its task won. */
  void killed(String queryId, int stage, int partition, int attempt, String detail);
}
