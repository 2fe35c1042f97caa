package dev.ember.execution.cluster;

import dev.ember.execution.scheduler.Speculation;
import dev.ember.planner.stage.Stage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A launched stage of a {@link ClusterJob}: its tasks' attempts — several of one task may run at
 * once (a retry after a lost executor, a speculative copy) —, which tasks succeeded and how long
 * they took, and for a map stage where each task's output lives. Touched only on the driver's
 * event thread.
 */
final class StageRun {
  /** One attempt of a task in flight; {@code executorId} and {@code startedAt} set once it is sent to an executor. */
  static final class Attempt {
    final boolean speculative;
    String executorId;
    long startedAt;

    Attempt(boolean speculative) { this.speculative = speculative; }
  }

  final Stage stage;
  final CompletableFuture<Void> done;
  final MapOutput[] outputs;
  final boolean[] succeeded;
  final int[] nextAttempt;
  final int[] failures;
  final boolean[] speculated;
  private final int[] live;
  private final Map<Messages.TaskId, Attempt> attempts = new HashMap<>();
  private final List<Long> runTimes = new ArrayList<>();
  int remaining;

  StageRun(Stage stage, int partitions, CompletableFuture<Void> done) {
    this.stage = stage;
    this.done = done;
    this.outputs = new MapOutput[partitions];
    this.succeeded = new boolean[partitions];
    this.nextAttempt = new int[partitions];
    this.failures = new int[partitions];
    this.speculated = new boolean[partitions];
    this.live = new int[partitions];
    this.remaining = partitions;
  }

  int partitions() { return outputs.length; }

  /** True while some attempt of task {@code p} is in flight. */
  boolean running(int p) { return live[p] > 0; }

  /** True when task {@code p}'s work is done and still there: its rows delivered, or its map output alive. */
  boolean finished(int p) { return succeeded[p] && (stage.isResult() || outputs[p] != null); }

  /** A new attempt of task {@code p}, in flight from now on. */
  Messages.TaskId newAttempt(String queryId, int p, boolean speculative) {
    Messages.TaskId id = new Messages.TaskId(queryId, stage.id(), p, nextAttempt[p]++);
    attempts.put(id, new Attempt(speculative));
    live[p]++;
    return id;
  }

  /** The attempt reached an executor. */
  void started(Messages.TaskId id, String executorId, long now) {
    Attempt a = attempts.get(id);
    if (a != null) {
      a.executorId = executorId;
      a.startedAt = now;
    }
  }

  /** The attempt ended (succeeded, failed or was killed); null when it was not in flight (a stale status). */
  Attempt end(Messages.TaskId id) {
    Attempt a = attempts.remove(id);
    if (a != null) live[id.partition()]--;
    return a;
  }

  /** A task succeeded after running {@code millis}: what stragglers are measured against. */
  void ranFor(long millis) { runTimes.add(millis); }

  /** The other attempts of task {@code p} still in flight. */
  List<Messages.TaskId> inFlight(int p) {
    return attempts.keySet().stream().filter(t -> t.partition() == p).toList();
  }

  Attempt attempt(Messages.TaskId id) { return attempts.get(id); }

  /**
   * Tasks running alone for longer than the speculation threshold (once enough tasks finished),
   * not copied before: each with its running attempt.
   */
  List<Messages.TaskId> stragglers(Speculation speculation, long now) {
    long threshold = speculation.thresholdMillis(runTimes.stream().mapToLong(Long::longValue).toArray(), partitions());
    if (threshold < 0) return List.of();
    List<Messages.TaskId> out = new ArrayList<>();
    for (Map.Entry<Messages.TaskId, Attempt> e : attempts.entrySet()) {
      int p = e.getKey().partition();
      Attempt a = e.getValue();
      if (live[p] == 1 && !speculated[p] && !succeeded[p] && a.startedAt > 0 && now - a.startedAt > threshold) {
        out.add(e.getKey());
      }
    }
    return out;
  }
}
