package dev.ember.execution.scheduler;

import dev.ember.catalyst.types.DataType;
import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.Batches;

import dev.ember.execution.pipeline.TaskPlanner;
import dev.ember.execution.shuffle.HashPartitioner;
import dev.ember.planner.physical.Partitioning;
import dev.ember.planner.stage.Stage;
import dev.ember.planner.stage.StagePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs a query's stages as a DAG: a stage starts when every stage it reads has finished, and
 * runs one task per partition on the task scheduler. Map stages leave their output, partitioned
 * as their consumer requires, in the query's {@link dev.ember.execution.shuffle.StageOutputs};
 * the result stage hands its batches to {@code results}.
 */
public final class QueryExecution {
  private final StagePlan plan;
  private final QueryContext query;
  private final TaskScheduler scheduler;
  private final Consumer<VectorSchemaRoot> results;
  private final ResultTasks resultTasks;

  public QueryExecution(StagePlan plan, QueryContext query, TaskScheduler scheduler, Consumer<VectorSchemaRoot> results) {
    this(plan, query, scheduler, results, null);
  }

  /**
   * A query whose result tasks each hand their batches to their own {@link ResultTasks.Output}
   * (committed when the task succeeds, aborted when it fails or the query is cancelled) instead
   * of to one consumer.
   */
  public QueryExecution(StagePlan plan, QueryContext query, TaskScheduler scheduler, ResultTasks resultTasks) {
    this(plan, query, scheduler, null, resultTasks);
  }

  private QueryExecution(StagePlan plan, QueryContext query, TaskScheduler scheduler, Consumer<VectorSchemaRoot> results,
                         ResultTasks resultTasks) {
    this.plan = plan;
    this.query = query;
    this.scheduler = scheduler;
    this.results = results;
    this.resultTasks = resultTasks;
  }

  /** Starts every stage; the future completes when the result stage has finished (or one failed). */
  public CompletableFuture<Void> start() {
    List<CompletableFuture<Void>> done = new ArrayList<>();
    query.progress().planned(plan.stages().size());
    for (Stage s : plan.stages()) {
      CompletableFuture<?>[] parents = s.parents().stream().map(done::get).toArray(CompletableFuture[]::new);
      done.add(CompletableFuture.allOf(parents).thenComposeAsync(v -> runStage(s), scheduler.pool()));
    }
    return done.get(done.size() - 1);
  }

  private CompletableFuture<Void> runStage(Stage stage) {
    StageContext ctx = new StageContext(stage, scheduler.parallelism());
    int partitions = ctx.partitions();
    if (!stage.isResult()) {
      int outParts = stage.output() instanceof Partitioning.Hash h ? h.numPartitions() : 1;
      query.outputs().register(stage.id(), outParts);
    }
    List<CompletableFuture<Void>> tasks = new ArrayList<>();
    query.progress().stageStarted(partitions);
    for (int p = 0; p < partitions; p++) {
      int partition = p;
      tasks.add(CompletableFuture.runAsync(() -> runTask(ctx, partition), scheduler.pool()));
    }
    return CompletableFuture.allOf(tasks.toArray(new CompletableFuture[0]))
        .whenComplete((v, t) -> query.progress().stageFinished());
  }

  private void runTask(StageContext ctx, int partition) {
    query.progress().taskStarted();
    try {
      if (!query.cancelled()) runTask(ctx.stage(), ctx, partition);
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
      BatchSource source = task.track(new TaskPlanner(task).build(stage.plan(), partition));
      Consumer<VectorSchemaRoot> sink = sinkFor(stage, task);
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
      query.fail(e);
      throw e;
    } finally {
      if (out != null && !committed) out.abort();
    }
  }

  /** Where a task's output batches go; each consumer takes ownership of the batch. */
  private Consumer<VectorSchemaRoot> sinkFor(Stage stage, TaskContext task) {
    if (stage.isResult()) {
      return b -> {
        int rows = b.getRowCount();
        results.accept(Batches.transfer(b, query.allocator()));
        query.progress().rowsOut(rows);
      };
    }
    if (stage.output() instanceof Partitioning.Hash h) {
      var output = stage.plan().output();
      int[] keys = h.keys().stream().mapToInt(k -> indexOf(output, k)).toArray();
      List<DataType> types = h.keys().stream().map(k -> k.type()).toList();
      HashPartitioner partitioner = new HashPartitioner(keys, types, h.numPartitions());
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

  private static int indexOf(List<dev.ember.catalyst.expr.AttributeRef> attrs, dev.ember.catalyst.expr.AttributeRef a) {
    for (int i = 0; i < attrs.size(); i++) if (attrs.get(i).id() == a.id()) return i;
    throw new IllegalStateException("partition key " + a.name() + " not in stage output");
  }

}
