package dev.ember.execution.cluster;

import dev.ember.execution.scheduler.LocalTaskLauncher;
import dev.ember.execution.scheduler.QueryContext;
import dev.ember.execution.scheduler.ResultTasks;
import dev.ember.execution.scheduler.TaskLauncher;
import dev.ember.execution.scheduler.TaskScheduler;
import dev.ember.planner.stage.StagePlan;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;

/** {@code local[N]}: tasks on the N threads of the engine's task scheduler, shuffle in memory. */
public final class LocalThreads implements ClusterManager {
  private final TaskScheduler scheduler;

  public LocalThreads(TaskScheduler scheduler) { this.scheduler = scheduler; }

  @Override public int parallelism() { return scheduler.parallelism(); }

  @Override public TaskLauncher launcher(StagePlan plan, QueryContext query, Consumer<VectorSchemaRoot> results,
                                         int maxFailures) {
    return new LocalTaskLauncher(query, scheduler, results);
  }

  @Override public TaskLauncher launcher(StagePlan plan, QueryContext query, ResultTasks output, int maxFailures) {
    return new LocalTaskLauncher(query, scheduler, output);
  }

  @Override public void close() {} // the scheduler belongs to the engine
}
