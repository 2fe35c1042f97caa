package dev.ember.execution.cluster;

import dev.ember.execution.cluster.shuffle.ArrowBlocks;
import dev.ember.execution.cluster.shuffle.BlockFetcher;
import dev.ember.execution.cluster.shuffle.RemoteStageInputs;
import dev.ember.execution.cluster.shuffle.ShuffleFileWriter;
import dev.ember.execution.cluster.shuffle.ShuffleFiles;
import dev.ember.execution.memory.QueryMemoryLimit;
import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.Batches;
import dev.ember.execution.pipeline.TaskPlanner;
import dev.ember.execution.scheduler.ResultTasks;
import dev.ember.execution.scheduler.StageContext;
import dev.ember.execution.scheduler.TaskContext;
import dev.ember.execution.shuffle.HashPartitioner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs one task on an executor: plans its pipelines (compiled here, through the process's
 * compiled-class cache), reads earlier stages' blocks from the executors that hold them, and
 * either writes its shuffle file (a map task) or streams its rows to the driver (a result task).
 */
final class ExecutorTask {
  /** Result rows go to the driver in blocks of about this many rows. */
  private static final int RESULT_BLOCK_ROWS = 32_768;

  private final TaskDescription task;
  private final ExecutorQuery query;
  private final BlockFetcher fetcher;
  private final ShuffleFiles files;
  private final long maxBytesInFlight;

  ExecutorTask(TaskDescription task, ExecutorQuery query, BlockFetcher fetcher, ShuffleFiles files, long maxBytesInFlight) {
    this.task = task;
    this.query = query;
    this.fetcher = fetcher;
    this.files = files;
    this.maxBytesInFlight = maxBytesInFlight;
  }

  /**
   * Runs the task; result blocks go to {@code results} as they fill.
   *
   * @return the bytes written per output partition (a map task), or null (a result task)
   */
  long[] run(Consumer<byte[]> results) {
    // registered with the query, so cancelling it interrupts this thread (long loops notice)
    if (!query.context().enterTask()) throw new java.util.concurrent.CancellationException("query was cancelled");
    try {
      return runRegistered(results);
    } catch (RuntimeException | Error e) {
      // an allocation over the query's limit: the 53200 error naming the stage's operators
      Throwable why = QueryMemoryLimit.exceeded(e, task.queryId() + " stage "
          + task.stageId() + " task " + task.partition(), task.stage().plan(), query.context().allocator());
      if (why instanceof RuntimeException r) throw r;
      throw (Error) why;
    } finally {
      query.context().exitTask();
    }
  }

  private long[] runRegistered(Consumer<byte[]> results) {
    if (task.settings().slowTask() != null) { // test only
      task.settings().slowTask().delay(task.stageId(), task.partition(), task.attempt(), () -> false);
    }
    StageContext stage = new StageContext(task.stage(), task.settings().targetSplits());
    try (TaskContext ctx = new TaskContext(query.context(), stage, task.partition())) {
      ctx.readFrom(new RemoteStageInputs(task.queryId(), task.inputs(), fetcher, query.context().allocator(), maxBytesInFlight,
          query.remoteBytes()));
      BatchSource source = ctx.track(new TaskPlanner(ctx).build(task.stage().plan(), task.partition()));
      if (!task.stage().isResult()) return writeShuffle(source, ctx);
      return task.output() != null ? writeOutput(source) : streamResult(source, results);
    }
  }

  /** A result task of a write: its rows go to its own output here, committed only if every batch went through. */
  private long[] writeOutput(BatchSource source) {
    ResultTasks.Output out = task.output().open(task.partition());
    boolean committed = false;
    try {
      VectorSchemaRoot b;
      while ((b = source.next()) != null) {
        try (VectorSchemaRoot batch = b) {
          query.context().checkRunning();
          out.accept(batch);
        }
      }
      query.context().checkRunning();
      out.commit();
      committed = true;
      return null;
    } finally {
      if (!committed) out.abort();
    }
  }

  private long[] streamResult(BatchSource source, Consumer<byte[]> results) {
    List<VectorSchemaRoot> pending = new ArrayList<>();
    try {
      int rows = 0;
      VectorSchemaRoot b;
      while ((b = source.next()) != null) {
        query.context().checkRunning();
        pending.add(b);
        rows += b.getRowCount();
        if (rows >= RESULT_BLOCK_ROWS) {
          results.accept(ArrowBlocks.encode(pending));
          Batches.closeAll(pending);
          pending.clear();
          rows = 0;
        }
      }
      if (!pending.isEmpty()) results.accept(ArrowBlocks.encode(pending));
      return null;
    } finally {
      Batches.closeAll(pending);
    }
  }

  /** Writes the map task's output partition by partition as it comes: nothing is held in memory but the batch at hand. */
  private long[] writeShuffle(BatchSource source, TaskContext ctx) {
    HashPartitioner partitioner = HashPartitioner.forStage(task.stage());
    int n = HashPartitioner.outputPartitions(task.stage());
    try (ShuffleFileWriter writer = files.open(task.queryId(), task.stageId(), task.partition(), task.attempt(), n)) {
      VectorSchemaRoot b;
      while ((b = source.next()) != null) {
        try (VectorSchemaRoot batch = b) {
          query.context().checkRunning();
          if (partitioner == null) {
            writer.add(0, batch);
          } else {
            partitioner.split(batch, ctx.allocator(), (p, part) -> {
              try (part) {
                writer.add(p, part);
              }
            });
          }
        }
      }
      return writer.commit();
    }
  }
}
