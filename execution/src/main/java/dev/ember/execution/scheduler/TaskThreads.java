package dev.ember.execution.scheduler;

import java.util.HashSet;
import java.util.Set;

/**
 * The threads running one query's tasks right now, so a cancellation can interrupt them: a task
 * blocked on I/O or a queue wakes up, and long loops notice through
 * {@link dev.ember.catalyst.errors.Cancellation#checkInterrupted()}. The threads belong to a pool
 * shared by all queries, so an interrupt must never outlive the task it was meant for: a thread
 * leaves under the same lock the interrupts are sent under, and clears its flag as it leaves.
 */
final class TaskThreads {
  private final Set<Thread> running = new HashSet<>();
  private boolean stopped;

  /** The current thread starts one of the query's tasks; false when the query already stopped. */
  synchronized boolean enter() {
    if (stopped) return false;
    running.add(Thread.currentThread());
    return true;
  }

  /** The current thread's task ended: it is no longer interrupted on the query's behalf. */
  synchronized void exit() {
    running.remove(Thread.currentThread());
    Thread.interrupted(); // an interrupt sent for this task must not hit the pool's next task
  }

  /** Interrupts every running task of the query except the caller's; later tasks do not start. */
  synchronized void interruptAll() {
    stopped = true;
    Thread me = Thread.currentThread();
    for (Thread t : running) if (t != me) t.interrupt();
  }

  synchronized int size() { return running.size(); }
}
