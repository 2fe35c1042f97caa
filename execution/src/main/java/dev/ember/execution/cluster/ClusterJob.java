package dev.ember.execution.cluster;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.execution.cluster.shuffle.ArrowBlocks;
import dev.ember.execution.operator.Batches;
import dev.ember.execution.scheduler.ExecutorMetrics;
import dev.ember.execution.scheduler.QueryContext;
import dev.ember.execution.scheduler.QueryMetrics;
import dev.ember.execution.scheduler.ResultTasks;
import dev.ember.execution.scheduler.StageContext;
import dev.ember.execution.scheduler.TaskLauncher;
import dev.ember.execution.shuffle.HashPartitioner;
import dev.ember.planner.adaptive.MapOutputStatistics;
import dev.ember.planner.stage.Stage;
import dev.ember.planner.stage.StagePlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One query on the executors: launches its stages' tasks through the {@link ClusterDriver},
 * keeps the map-output tracker (stage → map task → executor and bytes per partition), retries
 * failed tasks up to {@code maxFailures} times, and recomputes lost map outputs from lineage:
 * a task whose inputs are incomplete waits while the missing map tasks (only those) run again.
 * Result-stage rows are buffered per attempt and handed on only when the attempt succeeds, so a
 * retried task never delivers rows twice.
 *
 * <p>Every method but {@link #launch} runs on the driver's event thread.
 */
final class ClusterJob implements TaskLauncher {
  private final ClusterDriver driver;
  private final StagePlan plan;
  private final QueryContext query;
  private final Consumer<VectorSchemaRoot> results;
  /** Where result tasks write, on their executors (a write job), or null: results stream to {@link #results}. */
  private final ResultTasks output;
  private final TaskSettings settings;
  private final int maxFailures;
  private final Map<Integer, StageRun> stages = new HashMap<>();
  private final List<int[]> waiting = new ArrayList<>();
  private final Map<Messages.TaskId, List<byte[]>> resultBlocks = new HashMap<>();
  /** Output sizes of finished map stages (the tracker's sums), read by adaptive execution off the event thread. */
  private final Map<Integer, MapOutputStatistics> statistics = new java.util.concurrent.ConcurrentHashMap<>();
  private CompletableFuture<Void> delivered = CompletableFuture.completedFuture(null);
  private Throwable failure;

  /** A launched stage: its tasks' state and, for a map stage, where each task's output lives. */
  private static final class StageRun {
    final Stage stage;
    final CompletableFuture<Void> done;
    final MapOutput[] outputs;
    final boolean[] succeeded;
    final boolean[] running;
    final int[] nextAttempt;
    final int[] failures;
    int remaining;

    StageRun(Stage stage, int partitions, CompletableFuture<Void> done) {
      this.stage = stage;
      this.done = done;
      this.outputs = new MapOutput[partitions];
      this.succeeded = new boolean[partitions];
      this.running = new boolean[partitions];
      this.nextAttempt = new int[partitions];
      this.failures = new int[partitions];
      this.remaining = partitions;
    }

    boolean complete() {
      if (remaining > 0) return false;
      for (MapOutput o : outputs) if (o == null && !stage.isResult()) return false;
      return true;
    }
  }

  ClusterJob(ClusterDriver driver, StagePlan plan, QueryContext query, Consumer<VectorSchemaRoot> results,
             ResultTasks output, TaskSettings settings, int maxFailures) {
    this.driver = driver;
    this.plan = plan;
    this.query = query;
    this.results = results;
    this.output = output;
    this.settings = settings;
    this.maxFailures = maxFailures;
  }

  String queryId() { return query.id(); }

  @Override public CompletableFuture<Void> launch(Stage stage) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    driver.run(() -> start(stage, done));
    return done;
  }

  private void start(Stage stage, CompletableFuture<Void> done) {
    if (failure != null) {
      done.completeExceptionally(failure);
      return;
    }
    if (stages.isEmpty()) driver.register(this);
    int partitions = new StageContext(stage, settings.targetSplits()).partitions();
    StageRun run = new StageRun(stage, partitions, done);
    stages.put(stage.id(), run);
    query.progress().stageStarted(partitions);
    for (int p = 0; p < partitions; p++) submit(run, p);
  }

  /** Sends task {@code p} of {@code run}, or parks it until the map outputs it reads exist again. */
  private void submit(StageRun run, int p) {
    if (failure != null || run.running[p]) return;
    boolean ready = true;
    for (int parent : run.stage.parents()) {
      StageRun in = stages.get(parent);
      for (int m = 0; m < in.outputs.length; m++) {
        if (in.outputs[m] == null) {
          ready = false;
          submit(in, m);
        }
      }
    }
    if (!ready) {
      waiting.add(new int[] {run.stage.id(), p});
      return;
    }
    run.running[p] = true;
    if (run.nextAttempt[p] == 0) query.progress().taskStarted();
    Map<Integer, List<MapOutput>> inputs = new HashMap<>();
    for (int parent : run.stage.parents()) inputs.put(parent, List.of(stages.get(parent).outputs));
    driver.submit(new TaskDescription(query.id(), run.stage.id(), p, run.nextAttempt[p]++, run.stage, settings, inputs,
            run.stage.isResult() ? output : null),
        this, preferredExecutor(run.stage, p));
  }

  /** The executor holding the most bytes of the shuffle partition task {@code p} reads, or null (none or a tie at 0). */
  private String preferredExecutor(Stage stage, int p) {
    Map<String, Long> bytes = new HashMap<>();
    for (var in : stage.plan().collect(n -> n instanceof dev.ember.planner.physical.StageInputExec s ? s : null)) {
      int partition = in.partitioning() instanceof dev.ember.planner.physical.Partitioning.Hash ? p : 0;
      for (MapOutput o : stages.get(in.stageId()).outputs) {
        if (partition < o.partitionBytes().length) bytes.merge(o.executorId(), o.bytes(partition), Long::sum);
      }
    }
    return bytes.entrySet().stream().filter(e -> e.getValue() > 0).max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey).orElse(null);
  }

  @Override public MapOutputStatistics statistics(int stageId) { return statistics.get(stageId); }

  /** Bytes per partition summed over a finished map stage's tasks (rows are not reported by executors). */
  private static MapOutputStatistics statisticsOf(StageRun run) {
    long[] bytes = new long[HashPartitioner.outputPartitions(run.stage)];
    for (MapOutput o : run.outputs) {
      for (int p = 0; p < bytes.length; p++) bytes[p] += o.bytes(p);
    }
    return new MapOutputStatistics(run.stage.id(), bytes, null);
  }

  void resultBlock(Messages.TaskId task, byte[] block) {
    resultBlocks.computeIfAbsent(task, t -> new ArrayList<>()).add(block);
  }

  void taskSucceeded(Messages.TaskId task, ClusterDriver.ExecutorRef executor, long[] partitionBytes,
                     ExecutorMetrics metrics) {
    query.metrics().executorReport(executor.id(), metrics);
    StageRun run = stages.get(task.stageId());
    List<byte[]> blocks = resultBlocks.remove(task);
    if (failure != null && output != null) failWhenIdle(); // a failed write waits for its last task
    if (failure != null || run == null || !current(run, task)) return;
    int p = task.partition();
    run.running[p] = false;
    driver.record(JobEvent.task(JobEvent.Kind.TASK_SUCCEEDED, task, executor.id(),
        partitionBytes == null ? "result" : java.util.Arrays.stream(partitionBytes).sum() + " bytes shuffled"));
    if (run.stage.isResult()) {
      if (blocks != null && !run.succeeded[p]) deliver(blocks);
    } else {
      if (partitionBytes == null || partitionBytes.length != HashPartitioner.outputPartitions(run.stage)) {
        fail(new IllegalStateException("map task " + task + " reported no output sizes"));
        return;
      }
      run.outputs[p] = new MapOutput(task.stageId(), p, task.attempt(), executor.id(), executor.host(),
          executor.blockPort(), partitionBytes);
    }
    if (!run.succeeded[p]) {
      run.succeeded[p] = true;
      run.remaining--;
      query.progress().taskFinished();
    }
    if (run.remaining == 0 && !run.done.isDone()) {
      if (run.stage.isResult()) {
        delivered.whenComplete((v, t) -> driver.run(() -> {
          if (t != null) fail(t);
          else finish(run);
        }));
      } else {
        query.progress().stageFinished();
        MapOutputStatistics stats = statisticsOf(run);
        statistics.put(run.stage.id(), stats);
        query.metrics().shuffled(stats.totalBytes());
        run.done.complete(null);
      }
    }
    retryWaiting();
  }

  void taskFailed(Messages.TaskId task, String executorId, String error, String sqlState, String fetchFailedExecutor) {
    resultBlocks.remove(task);
    StageRun run = stages.get(task.stageId());
    if (failure != null && output != null) failWhenIdle(); // a failed write waits for its last task
    if (failure != null || run == null || !current(run, task)) return;
    int p = task.partition();
    run.running[p] = false;
    if (fetchFailedExecutor != null) {
      driver.record(JobEvent.task(JobEvent.Kind.FETCH_FAILED, task, executorId, error));
      forgetOutputsOf(fetchFailedExecutor);
    } else {
      driver.record(JobEvent.task(JobEvent.Kind.TASK_FAILED, task, executorId, error));
      if (++run.failures[p] >= maxFailures) {
        String message = "task " + p + " of stage " + task.stageId() + " failed " + run.failures[p] + " times; last: " + error;
        fail(sqlState != null ? new EmberException(sqlState, error) : new EmberException(EmberException.INTERNAL_ERROR, message));
        return;
      }
    }
    if (run.succeeded[p] && run.stage.isResult()) return;
    driver.record(JobEvent.task(JobEvent.Kind.TASK_RESUBMITTED, task, executorId, null));
    submit(run, p);
  }

  /** An executor is gone: its map outputs are forgotten, and those still needed are recomputed. */
  void executorLost(String executorId) {
    if (failure == null) forgetOutputsOf(executorId);
  }

  void checkCancelled() {
    if (failure == null && query.cancelled()) fail(new CancellationException("query " + query.id() + " was cancelled"));
  }

  private boolean current(StageRun run, Messages.TaskId task) {
    return run.running[task.partition()] && task.attempt() == run.nextAttempt[task.partition()] - 1;
  }

  private void forgetOutputsOf(String executorId) {
    for (StageRun run : stages.values()) {
      for (int m = 0; m < run.outputs.length; m++) {
        MapOutput o = run.outputs[m];
        if (o == null || !o.executorId().equals(executorId)) continue;
        run.outputs[m] = null;
        driver.record(new JobEvent(System.currentTimeMillis(), JobEvent.Kind.MAP_OUTPUT_LOST, query.id(),
            run.stage.id(), m, o.attempt(), executorId, null));
        if (stillNeeded(run.stage.id())) submit(run, m);
      }
    }
  }

  /** True while some stage reading {@code stageId} has not finished (or not started). */
  private boolean stillNeeded(int stageId) {
    for (Stage s : plan.stages()) {
      if (!s.parents().contains(stageId)) continue;
      StageRun consumer = stages.get(s.id());
      if (consumer == null || consumer.remaining > 0) return true;
    }
    return false;
  }

  private void retryWaiting() {
    if (waiting.isEmpty()) return;
    List<int[]> again = new ArrayList<>(waiting);
    waiting.clear();
    for (int[] w : again) submit(stages.get(w[0]), w[1]);
  }

  /** Hands result rows to the reader, in order, off the event thread (the reader may be slow). */
  private void deliver(List<byte[]> blocks) {
    delivered = delivered.thenRunAsync(() -> {
      for (byte[] block : blocks) {
        List<VectorSchemaRoot> batches = ArrowBlocks.decode(block, query.allocator());
        for (int i = 0; i < batches.size(); i++) {
          VectorSchemaRoot b = batches.get(i);
          try {
            int rows = b.getRowCount();
            results.accept(b);
            query.progress().rowsOut(rows);
          } catch (RuntimeException | Error e) {
            Batches.closeAll(batches.subList(i + 1, batches.size()));
            throw e;
          }
        }
      }
    }, driver.delivery());
  }

  private void finish(StageRun result) {
    query.progress().stageFinished();
    QueryMetrics m = query.metrics();
    driver.record(new JobEvent(System.currentTimeMillis(), JobEvent.Kind.QUERY_FINISHED, query.id(), -1, -1, -1, null,
        QueryMetrics.describe(m.bytesShuffled(), m.bytesFetchedRemotely(), m.executorBytesSpilled(),
            m.executorRowsSpilled(), m.executorPeakMemory(), m.executorCount()).strip().replace("\n", "; ")));
    driver.finish(this);
    result.done.complete(null);
  }

  private void fail(Throwable t) {
    if (failure != null) return;
    failure = t;
    query.fail(t);
    driver.finish(this);
    // Only once no result batch is being handed over: the reader frees the query's memory when it sees the end.
    delivered.whenComplete((v, x) -> driver.run(this::failWhenIdle));
  }

  /**
   * Ends a failed job's stages — for a write, only once none of its tasks runs any more on an
   * executor (each reports its end, or its executor is lost), so that the driver's abort of the
   * write job deletes the staging directory after the last task stopped writing into it.
   */
  private void failWhenIdle() {
    if (output != null && driver.isRunning(this)) return;
    for (StageRun run : stages.values()) run.done.completeExceptionally(failure);
  }
}
