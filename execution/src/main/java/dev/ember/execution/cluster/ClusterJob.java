package dev.ember.execution.cluster;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.execution.cluster.shuffle.ArrowBlocks;
import dev.ember.execution.operator.Batches;
import dev.ember.execution.scheduler.QueryContext;
import dev.ember.execution.scheduler.StageContext;
import dev.ember.execution.scheduler.TaskLauncher;
import dev.ember.execution.shuffle.HashPartitioner;
import dev.ember.planner.adaptive.MapOutputStatistics;
import dev.ember.planner.physical.PartitionRange;
import dev.ember.planner.physical.Partitioning;
import dev.ember.planner.physical.StageInputExec;
import dev.ember.planner.stage.Stage;
import dev.ember.planner.stage.StagePlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One query on the executors: launches its stages' tasks through the {@link ClusterDriver},
 * keeps the map-output tracker (stage → map task → executor and bytes per partition), retries
 * failed tasks up to {@code maxFailures} times, and recomputes lost map outputs from lineage:
 * a task whose inputs are incomplete waits while the missing map tasks (only those) run again.
 * With speculation on, a straggler gets a second attempt on another executor; the first attempt
 * to succeed wins and the others are killed, their output discarded. Result-stage rows are
 * buffered per attempt and handed on only when the attempt wins, so neither a retried nor a
 * copied task ever delivers rows twice; only the winning attempt's map output is registered.
 *
 * <p>Every method but {@link #launch} runs on the driver's event thread.
 */
final class ClusterJob implements TaskLauncher {
  /**
   * An executor holding this share of a task's input is one it prefers (Spark's reducer
   * preference fraction): on a few executors with evenly spread shuffle output every one
   * qualifies, so no task waits for one in particular.
   */
  static final double PREFERRED_SHARE = 0.2;

  private final ClusterDriver driver;
  private final StagePlan plan;
  private final QueryContext query;
  private final Consumer<VectorSchemaRoot> results;
  private final TaskSettings settings;
  private final SchedulingConfig scheduling;
  private final Map<Integer, StageRun> stages = new HashMap<>();
  private final List<int[]> waiting = new ArrayList<>();
  private final Map<Messages.TaskId, List<byte[]>> resultBlocks = new HashMap<>();
  /** Attempts this job killed because another attempt of their task won. */
  private final Set<Messages.TaskId> killed = new HashSet<>();
  /** Output sizes of finished map stages (the tracker's sums), read by adaptive execution off the event thread. */
  private final Map<Integer, MapOutputStatistics> statistics = new ConcurrentHashMap<>();
  private CompletableFuture<Void> delivered = CompletableFuture.completedFuture(null);
  private Throwable failure;

  ClusterJob(ClusterDriver driver, StagePlan plan, QueryContext query, Consumer<VectorSchemaRoot> results,
             TaskSettings settings, SchedulingConfig scheduling) {
    this.driver = driver;
    this.plan = plan;
    this.query = query;
    this.results = results;
    this.settings = settings;
    this.scheduling = scheduling;
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
    if (failure != null || run.running(p)) return;
    if (!inputsReady(run)) {
      waiting.add(new int[] {run.stage.id(), p});
      return;
    }
    if (run.nextAttempt[p] == 0) query.progress().taskStarted();
    send(run, p, null);
  }

  /** True when every map output the stage reads exists; else the missing ones are recomputed. */
  private boolean inputsReady(StageRun run) {
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
    return ready;
  }

  /** Sends a new attempt of task {@code p}; a speculative copy ({@code avoid} set) never to the executor running the original. */
  private void send(StageRun run, int p, String avoid) {
    Messages.TaskId id = run.newAttempt(query.id(), p, avoid != null);
    Map<Integer, List<MapOutput>> inputs = new HashMap<>();
    for (int parent : run.stage.parents()) inputs.put(parent, List.of(stages.get(parent).outputs));
    List<String> preferred = preferredExecutors(run.stage, p).stream().filter(e -> !e.equals(avoid)).toList();
    driver.submit(new TaskDescription(query.id(), run.stage.id(), p, id.attempt(), run.stage, settings, inputs),
        this, preferred, avoid, scheduling.localityWaitMillis());
  }

  /**
   * The executors holding at least {@link #PREFERRED_SHARE} of the bytes task {@code p} reads —
   * its shuffle partition, its coalesced partitions or its map tasks' blocks of a skewed
   * partition —, most first; empty when it reads nothing.
   */
  List<String> preferredExecutors(Stage stage, int p) {
    Map<String, Long> bytes = new HashMap<>();
    for (StageInputExec in : stage.plan().collect(n -> n instanceof StageInputExec s ? s : null)) {
      MapOutput[] outputs = stages.get(in.stageId()).outputs;
      List<PartitionRange> read;
      if (!(in.partitioning() instanceof Partitioning.Hash)) read = List.of(new PartitionRange(0, 1));
      else if (in.ranges().isEmpty()) read = List.of(new PartitionRange(p, p + 1));
      else read = p < in.ranges().size() ? List.of(in.ranges().get(p)) : List.of();
      for (PartitionRange r : read) {
        for (int m = 0; m < outputs.length; m++) {
          MapOutput o = outputs[m];
          if (o == null || !r.readsMap(m)) continue;
          for (int q = r.start(); q < Math.min(r.end(), o.partitionBytes().length); q++) {
            bytes.merge(o.executorId(), o.bytes(q), Long::sum);
          }
        }
      }
    }
    long total = bytes.values().stream().mapToLong(Long::longValue).sum();
    return bytes.entrySet().stream().filter(e -> e.getValue() > 0 && e.getValue() >= PREFERRED_SHARE * total)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
  }

  @Override public MapOutputStatistics statistics(int stageId) { return statistics.get(stageId); }

  /** Bytes per map task and partition of a finished map stage (rows are not reported by executors). */
  private static MapOutputStatistics statisticsOf(StageRun run) {
    long[][] bytes = new long[run.outputs.length][];
    for (int m = 0; m < bytes.length; m++) bytes[m] = run.outputs[m].partitionBytes().clone();
    return MapOutputStatistics.ofMaps(run.stage.id(), bytes, null, HashPartitioner.outputPartitions(run.stage));
  }

  /** The driver sent the attempt to an executor. */
  void started(Messages.TaskId task, String executorId, long now) {
    StageRun run = stages.get(task.stageId());
    if (run != null) run.started(task, executorId, now);
  }

  /** Copies the stragglers of running stages (speculation); called periodically. */
  void checkSpeculation(long now) {
    if (failure != null || !scheduling.speculation().enabled()) return;
    for (StageRun run : new ArrayList<>(stages.values())) {
      if (run.remaining == 0) continue;
      for (Messages.TaskId slow : run.stragglers(scheduling.speculation(), now)) {
        int p = slow.partition();
        StageRun.Attempt a = run.attempt(slow);
        run.speculated[p] = true;
        if (!inputsReady(run)) continue;
        driver.record(JobEvent.task(JobEvent.Kind.TASK_SPECULATED, slow, a.executorId,
            "running for " + (now - a.startedAt) + " ms: a speculative copy starts on another executor"));
        send(run, p, a.executorId);
      }
    }
  }

  void resultBlock(Messages.TaskId task, byte[] block) {
    resultBlocks.computeIfAbsent(task, t -> new ArrayList<>()).add(block);
  }

  void taskSucceeded(Messages.TaskId task, ClusterDriver.ExecutorRef executor, long[] partitionBytes) {
    StageRun run = stages.get(task.stageId());
    List<byte[]> blocks = resultBlocks.remove(task);
    killed.remove(task);
    if (failure != null || run == null) return;
    StageRun.Attempt attempt = run.end(task);
    if (attempt == null) return; // not in flight: a stale status
    int p = task.partition();
    String size = partitionBytes == null ? "result" : Arrays.stream(partitionBytes).sum() + " bytes shuffled";
    if (run.finished(p)) {
      driver.record(JobEvent.task(JobEvent.Kind.TASK_SUCCEEDED, task, executor.id(),
          size + "; discarded, another attempt won"));
      return;
    }
    String race = attempt.speculative ? "; the speculative copy won" : run.speculated[p] ? "; won over its speculative copy" : "";
    driver.record(JobEvent.task(JobEvent.Kind.TASK_SUCCEEDED, task, executor.id(), size + race));
    for (Messages.TaskId other : run.inFlight(p)) {
      driver.record(JobEvent.task(JobEvent.Kind.TASK_KILLED, other, run.attempt(other).executorId,
          "attempt " + task.attempt() + " won"));
      if (driver.kill(other)) killed.add(other);
      else run.end(other); // still queued: dropped, no status will come
    }
    if (run.stage.isResult()) {
      if (blocks != null) deliver(blocks);
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
      if (attempt.startedAt > 0) run.ranFor(System.currentTimeMillis() - attempt.startedAt);
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
        statistics.put(run.stage.id(), statisticsOf(run));
        run.done.complete(null);
      }
    }
    retryWaiting();
  }

  void taskFailed(Messages.TaskId task, String executorId, String error, String sqlState, String fetchFailedExecutor) {
    resultBlocks.remove(task);
    StageRun run = stages.get(task.stageId());
    if (failure != null || run == null) return;
    if (run.end(task) == null) return; // not in flight: a stale status
    if (killed.remove(task)) return; // a losing attempt, killed on purpose
    int p = task.partition();
    if (fetchFailedExecutor != null) {
      driver.record(JobEvent.task(JobEvent.Kind.FETCH_FAILED, task, executorId, error));
      forgetOutputsOf(fetchFailedExecutor);
    } else {
      driver.record(JobEvent.task(JobEvent.Kind.TASK_FAILED, task, executorId, error));
      if (++run.failures[p] >= scheduling.maxFailures()) {
        String message = "task " + p + " of stage " + task.stageId() + " failed " + run.failures[p] + " times; last: " + error;
        fail(sqlState != null ? new EmberException(sqlState, error) : new EmberException(EmberException.INTERNAL_ERROR, message));
        return;
      }
    }
    if (run.finished(p) || run.running(p)) return; // another attempt won, or is still running
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
    driver.finish(this);
    result.done.complete(null);
  }

  private void fail(Throwable t) {
    if (failure != null) return;
    failure = t;
    query.fail(t);
    driver.finish(this);
    // Only once no result batch is being handed over: the reader frees the query's memory when it sees the end.
    List<StageRun> runs = List.copyOf(stages.values());
    delivered.whenComplete((v, x) -> runs.forEach(run -> run.done.completeExceptionally(t)));
  }
}
