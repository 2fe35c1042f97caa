package dev.ember.execution.scheduler;

import dev.ember.execution.memory.MemoryManager;
import dev.ember.execution.memory.TaskMemory;
import dev.ember.execution.operator.Batches;
import dev.ember.execution.shuffle.StageInputs;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One task: a partition of a stage, with its own allocator, its share of execution memory
 * ({@link #memory()}: operators reserve there before they allocate) and the resources it must
 * release.
 */
public final class TaskContext implements AutoCloseable {
  private final QueryContext query;
  private final StageContext stage;
  private final int partition;
  private final BufferAllocator allocator;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private StageInputs inputs;
  private final TaskMemory memory;

  public TaskContext(QueryContext query, StageContext stage, int partition) {
    this.query = query;
    this.stage = stage;
    this.partition = partition;
    this.allocator = query.allocator().newChildAllocator("stage" + stage.stage().id() + "-task" + partition, 0,
        Long.MAX_VALUE);
    this.inputs = query.outputs();
    this.memory = new TaskMemory(MemoryManager.pool(), query.id() + " stage " + stage.stage().id() + " task " + partition,
        query.spillMetrics(), query::checkRunning);
  }

  /** Where this task reads earlier stages' outputs: the query's local shuffle unless set. */
  public StageInputs inputs() { return inputs; }

  /** Reads earlier stages' outputs from {@code in} (cluster mode: from the executors holding them). */
  public void readFrom(StageInputs in) { this.inputs = java.util.Objects.requireNonNull(in); }

  public QueryContext query() { return query; }

  public StageContext stage() { return stage; }

  public int partition() { return partition; }

  public BufferAllocator allocator() { return allocator; }

  /** The task's execution memory: operators take a {@link dev.ember.execution.memory.MemoryReservation} here. */
  public TaskMemory memory() { return memory; }

  /** Closes {@code r} when the task ends. */
  public <T extends AutoCloseable> T track(T r) {
    resources.add(r);
    return r;
  }

  @Override public void close() {
    try {
      Batches.closeAll(resources);
    } finally {
      resources.clear();
      memory.close();
      allocator.close();
    }
  }
}
