package dev.ember.execution.cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * The tasks an executor is running, so that the driver can kill one attempt (another attempt of
 * its task won) without touching the query's other tasks. A kill interrupts the task's thread
 * (long loops and blocking waits notice); a kill that arrives before the task starts makes it
 * fail at once. Like the query's own cancellation, an interrupt never outlives its task: a task
 * leaves under the same lock kills are sent under, and clears its thread's flag as it leaves.
 */
final class RunningTasks {
  private final Map<Messages.TaskId, Thread> threads = new HashMap<>();
  private final Set<Messages.TaskId> killed = new HashSet<>();

  /** The current thread starts {@code task}; throws when it was killed already. */
  synchronized void enter(Messages.TaskId task) {
    if (killed.remove(task)) throw new CancellationException("task " + task + " was killed: another attempt won");
    threads.put(task, Thread.currentThread());
  }

  /** The current thread's task ended. */
  synchronized void exit(Messages.TaskId task) {
    threads.remove(task);
    killed.remove(task);
    Thread.interrupted(); // a kill sent for this task must not hit the pool's next task
  }

  /** Stops {@code task}: interrupts it if it runs, else it fails as soon as it starts. */
  synchronized void kill(Messages.TaskId task) {
    Thread t = threads.get(task);
    if (t != null) t.interrupt();
    else killed.add(task);
  }

  /** The query ended: kills that never met their task are forgotten. */
  synchronized void queryDone(String queryId) {
    killed.removeIf(t -> t.queryId().equals(queryId));
  }
}
