package dev.ember.execution.cluster;

import dev.ember.execution.scheduler.LocalTaskLauncher;
import dev.ember.execution.scheduler.QueryContext;
import dev.ember.execution.scheduler.TaskLauncher;
import dev.ember.execution.scheduler.TaskEvents;
import dev.ember.execution.scheduler.TaskScheduler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import dev.ember.planner.stage.StagePlan;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * {@code local[N]}: tasks on the N threads of the engine's task scheduler, shuffle in memory.
 * With {@code ember.speculation} a straggler gets a copy on another thread; its events are the
 * only ones local mode records.
 */
public final class LocalThreads implements ClusterManager {
  private final TaskScheduler scheduler;
  private final List<JobEvent> events = Collections.synchronizedList(new ArrayList<>());

  public LocalThreads(TaskScheduler scheduler) { this.scheduler = scheduler; }

  @Override public int parallelism() { return scheduler.parallelism(); }

  @Override public TaskLauncher launcher(StagePlan plan, QueryContext query, Consumer<VectorSchemaRoot> results,
                                         SchedulingConfig scheduling) {
    return new LocalTaskLauncher(query, scheduler, results, scheduling.speculation(), scheduling.slowTask(), new Recorder());
  }

  /** Speculation's events (local mode records nothing else). */
  @Override public List<JobEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** Records local speculation as job events, with the task thread pool as the one "executor". */
  private final class Recorder implements TaskEvents {
    private static final String EXECUTOR = "driver";

    private void add(JobEvent.Kind kind, String queryId, int stage, int partition, int attempt, String detail) {
      events.add(new JobEvent(System.currentTimeMillis(), kind, queryId, stage, partition, attempt, EXECUTOR, detail));
    }

    @Override public void speculated(String queryId, int stage, int partition, int attempt, long runningMillis) {
      add(JobEvent.Kind.TASK_SPECULATED, queryId, stage, partition, attempt,
          "running for " + runningMillis + " ms: a speculative copy starts on another task thread");
    }

    @Override public void succeeded(String queryId, int stage, int partition, int attempt, String detail) {
      add(JobEvent.Kind.TASK_SUCCEEDED, queryId, stage, partition, attempt, detail);
    }

    @Override public void killed(String queryId, int stage, int partition, int attempt, String detail) {
      add(JobEvent.Kind.TASK_KILLED, queryId, stage, partition, attempt, detail);
    }
  }

  @Override public void close() {} // the scheduler belongs to the engine
}
