package dev.ember.execution.scheduler;

import dev.ember.execution.memory.QueryMemoryLimit;
import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.Batches;
import dev.ember.execution.pipeline.TaskPlanner;
import dev.ember.execution.shuffle.HashPartitioner;
import dev.ember.planner.adaptive.MapOutputStatistics;
import dev.ember.planner.stage.Stage;
import dev.ember.planner.physical.PartitionRange;
import dev.ember.planner.physical.Partitioning;
import dev.ember.planner.physical.StageInputExec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Local mode: a stage's tasks run on the task scheduler's threads; map outputs stay in the
 * query's Arrow memory ({@link dev.ember.execution.shuffle.StageOutputs}), partitioned as their
 * consumer requires; the result stage hands its batches to {@code results}, or, for a query
 * consumed task by task (a write), each result task to its own {@link ResultTasks.Output}.
 */
public final class LocalTaskLauncher implements TaskLauncher {
  private final QueryContext query;
  private final TaskScheduler scheduler;
  private final Consumer<VectorSchemaRoot> results;
  private final ResultTasks resultTasks;
  private final Speculation speculation;
  private final SlowTask slowTask;
  private final TaskEvents events;

  public LocalTaskLauncher(QueryContext query, TaskScheduler scheduler, Consumer<VectorSchemaRoot> results) {
    this(query, scheduler, results, null, Speculation.DISABLED, null, TaskEvents.NONE);
  }

  /**
   * A launcher whose stragglers get speculative copies on other task threads ({@link
   * SpeculativeStage}) when {@code speculation} is enabled; {@code slowTask} (test only, may be
   * null) makes one task's first attempt slow.
   */
  public LocalTaskLauncher(QueryContext query, TaskScheduler scheduler, Consumer<VectorSchemaRoot> results,
                           Speculation speculation, SlowTask slowTask, TaskEvents events) {
    this(query, scheduler, results, null, speculation, slowTask, events);
  }

  /**
   * A launcher whose result tasks each hand their batches to their own output (committed when
   * the task succeeds, aborted when it fails or the query is cancelled).
   */
  public LocalTaskLauncher(QueryContext query, TaskScheduler scheduler, ResultTasks resultTasks) {
    this(query, scheduler, null, resultTasks, Speculation.DISABLED, null, TaskEvents.NONE);
  }

  private LocalTaskLauncher(QueryContext query, TaskScheduler scheduler, Consumer<VectorSchemaRoot> results,
                            ResultTasks resultTasks, Speculation speculation, SlowTask slowTask, TaskEvents events) {
    this.query = query;
    this.scheduler = scheduler;
    this.results = results;
    this.resultTasks = resultTasks;
    this.speculation = speculation;
    this.slowTask = slowTask;
    this.events = events;
  }

  @Override public CompletableFuture<Void> launch(Stage stage) {
    StageContext ctx = new StageContext(stage, scheduler.parallelism());
    int partitions = ctx.partitions();
    if (!stage.isResult()) query.outputs().register(stage.id(), HashPartitioner.outputPartitions(stage), partitions);
    expectSharedReads(stage);
    query.progress().stageStarted(partitions);
    if (speculation.enabled() && (!stage.isResult() || resultTasks == null) && !readsShuffle(stage)) {
      return new SpeculativeStage(query, ctx, speculation, slowTask, events, this::submit, p -> sinkFor(stage, p)).start()
          .whenComplete((v, t) -> stageFinished(stage, t));
    }
    List<CompletableFuture<Void>> tasks = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      int partition = p;
      tasks.add(submit(() -> runTask(ctx, partition)));
    }
    return CompletableFuture.allOf(tasks.toArray(new CompletableFuture[0]))
        .whenComplete((v, t) -> stageFinished(stage, t));
  }

  /** A stage ended ({@code failure} null: it succeeded): a map stage's outputs count as shuffled. */
  private void stageFinished(Stage stage, Throwable failure) {
    if (failure == null && !stage.isResult()) query.metrics().shuffled(query.outputs().statistics(stage.id()).totalBytes());
    query.progress().stageFinished();
  }

  /**
   * True when the stage's tasks take partitions of the local shuffle: such a task is never
   * copied, since the shuffle hands a partition over once (a copy would find it gone). Writes
   * are never copied either; scans, literal rows and broadcasts (built once, shared) may be.
   */
  private static boolean readsShuffle(Stage stage) {
    return stage.plan().exists(n -> n instanceof StageInputExec in && !(in.partitioning() instanceof Partitioning.Broadcast));
  }

  /**
   * Tells the shuffle which partitions several tasks read whole: the other side of a skewed
   * join partition that adaptive execution split ({@link StageInputExec#ranges}).
   */
  private void expectSharedReads(Stage stage) {
    for (StageInputExec in : stage.plan().collect(n -> n instanceof StageInputExec s ? s : null)) {
      if (in.partitioning() instanceof Partitioning.Broadcast) continue;
      Map<Integer, Integer> readers = new HashMap<>();
      for (PartitionRange r : in.ranges()) {
        if (r.partial()) continue;
        for (int p = r.start(); p < r.end(); p++) readers.merge(p, 1, Integer::sum);
      }
      readers.forEach((p, n) -> {
        if (n > 1) query.outputs().expectReads(in.stageId(), p, n);
      });
    }
  }

  /**
   * Queues {@code task} on the pool. If the query stops (cancelled, or another task failed) while
   * the task still waits for a thread, its future ends at once with a cancellation and the thread
   * that later dequeues it does nothing: a busy pool does not keep a cancelled query alive.
   */
  private CompletableFuture<Void> submit(Runnable task) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    AtomicBoolean claimed = new AtomicBoolean();
    query.onStop(() -> {
      if (claimed.compareAndSet(false, true)) f.completeExceptionally(new CancellationException("task skipped"));
    });
    try {
      scheduler.pool().execute(() -> {
        if (!claimed.compareAndSet(false, true)) return;
        try {
          task.run();
          f.complete(null);
        } catch (Throwable t) {
          f.completeExceptionally(t);
        }
      });
    } catch (RuntimeException e) {
      f.completeExceptionally(e); // the pool is shut down
    }
    return f;
  }

  @Override public MapOutputStatistics statistics(int stageId) { return query.outputs().statistics(stageId); }

  private void runTask(StageContext ctx, int partition) {
    query.progress().taskStarted();
    try {
      if (query.enterTask()) {
        try {
          runTask(ctx.stage(), ctx, partition);
        } finally {
          query.exitTask(); // clears a cancellation's interrupt before the thread takes another task
        }
      }
    } finally {
      query.progress().taskFinished();
    }
  }

  private void runTask(Stage stage, StageContext ctx, int partition) {
    if (stage.isResult() && resultTasks != null) {
      runOutputTask(stage, ctx, partition);
      return;
    }
    try (TaskContext task = new TaskContext(query, ctx, partition)) {
      if (slowTask != null) slowTask.delay(stage.id(), partition, 0, query::cancelled); // test only
      BatchSource source = task.track(new TaskPlanner(task).build(stage.plan(), partition));
      Consumer<VectorSchemaRoot> sink = sinkFor(stage, partition);
      VectorSchemaRoot b;
      while ((b = source.next()) != null) {
        if (query.cancelled()) {
          b.close();
          query.checkRunning();
        }
        sink.accept(b);
      }
    } catch (RuntimeException | Error e) {
      throw failed(e, stage, partition);
    }
  }

  /** Fails the query with {@code e} — an allocation over the query's limit as its 53200 error — and returns what to throw. */
  private RuntimeException failed(Throwable e, Stage stage, int partition) {
    Throwable why = QueryMemoryLimit.exceeded(e, query.id() + " stage " + stage.id() + " task " + partition,
        stage.plan(), query.allocator());
    query.fail(why);
    if (why instanceof RuntimeException r) return r;
    throw (Error) why;
  }

  /** A result task writing to its own output: committed only if every batch went through. */
  private void runOutputTask(Stage stage, StageContext ctx, int partition) {
    ResultTasks.Output out = null;
    boolean committed = false;
    try (TaskContext task = new TaskContext(query, ctx, partition)) {
      BatchSource source = task.track(new TaskPlanner(task).build(stage.plan(), partition));
      out = resultTasks.open(partition);
      VectorSchemaRoot b;
      while ((b = source.next()) != null) {
        try (VectorSchemaRoot batch = b) {
          query.checkRunning();
          out.accept(batch);
          query.progress().rowsOut(batch.getRowCount());
        }
      }
      query.checkRunning();
      out.commit();
      committed = true;
    } catch (RuntimeException | Error e) {
      throw failed(e, stage, partition);
    } finally {
      if (out != null && !committed) out.abort();
    }
  }

  /** Where a task's output batches go; each consumer takes ownership of the batch. */
  private Consumer<VectorSchemaRoot> sinkFor(Stage stage, int map) {
    if (stage.isResult()) {
      return b -> {
        int rows = b.getRowCount();
        results.accept(Batches.transfer(b, query.allocator()));
        query.progress().rowsOut(rows);
      };
    }
    HashPartitioner partitioner = HashPartitioner.forStage(stage);
    if (partitioner != null) {
      return b -> {
        try {
          partitioner.split(b, query.allocator(), (p, part) -> query.outputs().add(stage.id(), map, p, part));
        } finally {
          b.close();
        }
      };
    }
    return b -> query.outputs().add(stage.id(), map, 0, Batches.transfer(b, query.allocator()));
  }
}
