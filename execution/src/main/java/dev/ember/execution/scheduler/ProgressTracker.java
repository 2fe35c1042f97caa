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
  private final AtomicLong rowsToScan = new AtomicLong();

  public void planned(int stages) { stagesTotal.set(stages); }

  public void stageStarted(int tasks) {
    tasksTotal.addAndGet(tasks);
    stagesStarted.incrementAndGet();
  }

  public void stageFinished() { stagesDone.incrementAndGet(); }

  public void taskStarted() { tasksRunning.incrementAndGet(); }

  public void taskFinished() {
    tasksRunning.decrementAndGet();
    tasksDone.incrementAndGet();
  }

  public void rowsOut(int rows) { rowsOut.addAndGet(rows); }

  /**
   * A scan was opened that is expected to read about {@code rows} rows (its share of the table's
   * count); the rows scans have read are the query's {@code rowsRead}.
   */
  public void scanOpened(long rows) { rowsToScan.addAndGet(rows); }

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

  /** Estimated rows of the scans opened so far (0 when no scan knows its table's size). */
  public long rowsToScan() { return rowsToScan.get(); }

}
