package dev.ember.execution.scheduler;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts how far a running query has got, for progress bars and monitoring: stages and tasks
 * started and finished, and rows handed to the reader. Updated by {@link QueryExecution} from the
 * task threads, read from any thread at any time; the numbers are each exact but read one by one,
 * so a reader may see one a moment newer than another.
 */
public final class ProgressTracker {
  private final AtomicInteger stagesTotal = new AtomicInteger();
  private final AtomicInteger stagesStarted = new AtomicInteger();
  private final AtomicInteger stagesDone = new AtomicInteger();
  private final AtomicInteger tasksTotal = new AtomicInteger();
  private final AtomicInteger tasksRunning = new AtomicInteger();
  private final AtomicInteger tasksDone = new AtomicInteger();
  private final AtomicLong rowsOut = new AtomicLong();

  void planned(int stages) { stagesTotal.set(stages); }

  void stageStarted(int tasks) {
    tasksTotal.addAndGet(tasks);
    stagesStarted.incrementAndGet();
  }

  void stageFinished() { stagesDone.incrementAndGet(); }

  void taskStarted() { tasksRunning.incrementAndGet(); }

  void taskFinished() {
    tasksRunning.decrementAndGet();
    tasksDone.incrementAndGet();
  }

  void rowsOut(int rows) { rowsOut.addAndGet(rows); }

  /** Stages of the query's plan. */
  public int stagesTotal() { return stagesTotal.get(); }

  /** Stages whose tasks have been submitted (their task count is known). */
  public int stagesStarted() { return stagesStarted.get(); }

  public int stagesDone() { return stagesDone.get(); }

  /** Tasks of the stages started so far (a later stage's tasks are counted when it starts). */
  public int tasksTotal() { return tasksTotal.get(); }

  public int tasksRunning() { return tasksRunning.get(); }

  /** Tasks that ended, whether they finished, failed or stopped early on a cancellation. */
  public int tasksDone() { return tasksDone.get(); }

  /** Rows the result stage has produced for the reader so far. */
  public long rowsOut() { return rowsOut.get(); }
}
