package dev.ember.execution.scheduler;

import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.Batches;
import dev.ember.execution.pipeline.TaskPlanner;
import dev.ember.execution.shuffle.HashPartitioner;
import dev.ember.planner.adaptive.MapOutputStatistics;
import dev.ember.planner.stage.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Local mode: a stage's tasks run on the task scheduler's threads; map outputs stay in the
 * query's Arrow memory ({@link dev.ember.execution.shuffle.StageOutputs}), partitioned as their
 * consumer requires; the result stage hands its batches to {@code results}.
 */
public final class LocalTaskLauncher implements TaskLauncher {
  private final QueryContext query;
  private final TaskScheduler scheduler;
  private final Consumer<VectorSchemaRoot> results;

  public LocalTaskLauncher(QueryContext query, TaskScheduler scheduler, Consumer<VectorSchemaRoot> results) {
    this.query = query;
    this.scheduler = scheduler;
    this.results = results;
  }

  @Override public CompletableFuture<Void> launch(Stage stage) {
    StageContext ctx = new StageContext(stage, scheduler.parallelism());
    int partitions = ctx.partitions();
    if (!stage.isResult()) query.outputs().register(stage.id(), HashPartitioner.outputPartitions(stage));
    List<CompletableFuture<Void>> tasks = new ArrayList<>();
    query.progress().stageStarted(partitions);
    for (int p = 0; p < partitions; p++) {
      int partition = p;
      tasks.add(CompletableFuture.runAsync(() -> runTask(ctx, partition), scheduler.pool()));
    }
    return CompletableFuture.allOf(tasks.toArray(new CompletableFuture[0]))
        .whenComplete((v, t) -> query.progress().stageFinished());
  }

  @Override public MapOutputStatistics statistics(int stageId) { return query.outputs().statistics(stageId); }

  private void runTask(StageContext ctx, int partition) {
    query.progress().taskStarted();
    try {
      if (!query.cancelled()) runTask(ctx.stage(), ctx, partition);
    } finally {
      query.progress().taskFinished();
    }
  }

  private void runTask(Stage stage, StageContext ctx, int partition) {
    try (TaskContext task = new TaskContext(query, ctx, partition)) {
      BatchSource source = task.track(new TaskPlanner(task).build(stage.plan(), partition));
      Consumer<VectorSchemaRoot> sink = sinkFor(stage);
      VectorSchemaRoot b;
      while ((b = source.next()) != null) {
        if (query.cancelled()) {
          b.close();
          query.checkRunning();
        }
        sink.accept(b);
      }
    } catch (RuntimeException | Error e) {
      query.fail(e);
      throw e;
    }
  }

  /** Where a task's output batches go; each consumer takes ownership of the batch. */
  private Consumer<VectorSchemaRoot> sinkFor(Stage stage) {
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
          partitioner.split(b, query.allocator(), (p, part) -> query.outputs().add(stage.id(), p, part));
        } finally {
          b.close();
        }
      };
    }
    return b -> query.outputs().add(stage.id(), 0, Batches.transfer(b, query.allocator()));
  }
}
