package dev.ember.execution.scheduler;

import dev.ember.execution.memory.QueryMemoryLimit;
import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.Batches;
import dev.ember.execution.pipeline.TaskPlanner;
import dev.ember.planner.stage.Stage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One stage run locally with speculation on ({@link Speculation}): every attempt buffers its
 * output (in the query's memory); a task running too long gets a copy on another task thread;
 * the first attempt to finish hands its output on — map blocks to the local shuffle, result
 * batches to the reader — and the other stops at its next batch, its output dropped. The stage
 * ends when every task has a winner and no attempt still runs.
 */
final class SpeculativeStage {
  private static final long CHECK_MILLIS = 100;
  private static final ScheduledExecutorService CHECKS = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "ember-speculation");
    t.setDaemon(true);
    return t;
  });

  /** One attempt of a task. */
  private static final class Attempt {
    final int partition;
    final int number;
    volatile long startedAt;
    volatile boolean killed;

    Attempt(int partition, int number) {
      this.partition = partition;
      this.number = number;
    }
  }

  private final QueryContext query;
  private final StageContext ctx;
  private final Speculation speculation;
  private final SlowTask slow;
  private final TaskEvents events;
  private final Function<Runnable, CompletableFuture<Void>> submit;
  private final IntFunction<Consumer<VectorSchemaRoot>> sinks;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final List<List<Attempt>> attempts = new ArrayList<>();
  private final boolean[] finished;
  private final boolean[] copied;
  private final List<Long> runTimes = new ArrayList<>();
  private int remaining;
  private int running;
  private ScheduledFuture<?> checks;

  /**
   * @param submit queues a task on the task threads (skipped when the query stops)
   * @param sinks where the winning attempt of task {@code p} hands its batches (taking ownership)
   */
  SpeculativeStage(QueryContext query, StageContext ctx, Speculation speculation, SlowTask slow, TaskEvents events,
                   Function<Runnable, CompletableFuture<Void>> submit, IntFunction<Consumer<VectorSchemaRoot>> sinks) {
    this.query = query;
    this.ctx = ctx;
    this.speculation = speculation;
    this.slow = slow;
    this.events = events;
    this.submit = submit;
    this.sinks = sinks;
    this.finished = new boolean[ctx.partitions()];
    this.copied = new boolean[ctx.partitions()];
    this.remaining = ctx.partitions();
  }

  CompletableFuture<Void> start() {
    synchronized (this) {
      for (int p = 0; p < ctx.partitions(); p++) {
        attempts.add(new ArrayList<>());
        launch(p);
      }
    }
    checks = CHECKS.scheduleAtFixedRate(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    done.whenComplete((v, t) -> checks.cancel(false));
    return done;
  }

  /** Starts a new attempt of task {@code p}; called holding the lock. */
  private void launch(int p) {
    Attempt a = new Attempt(p, attempts.get(p).size());
    attempts.get(p).add(a);
    running++;
    submit.apply(() -> run(a)).whenComplete((v, t) -> ended(t));
  }

  private synchronized void ended(Throwable t) {
    running--;
    if (t != null) done.completeExceptionally(t);
    else if (remaining == 0 && running == 0) done.complete(null);
  }

  /** Copies the tasks running alone longer than the threshold, once enough tasks finished. */
  private synchronized void check() {
    if (remaining == 0 || query.cancelled()) return;
    long threshold = speculation.thresholdMillis(runTimes.stream().mapToLong(Long::longValue).toArray(), finished.length);
    if (threshold < 0) return;
    long now = System.currentTimeMillis();
    for (int p = 0; p < finished.length; p++) {
      Attempt original = attempts.get(p).get(0);
      if (finished[p] || copied[p] || original.startedAt == 0 || now - original.startedAt <= threshold) continue;
      copied[p] = true;
      events.speculated(query.id(), ctx.stage().id(), p, original.number, now - original.startedAt);
      launch(p);
    }
  }

  private void run(Attempt a) {
    if (a.killed) return; // a copy whose original won while it waited for a thread
    a.startedAt = System.currentTimeMillis();
    if (a.number == 0) query.progress().taskStarted();
    if (!query.enterTask()) return;
    Deque<VectorSchemaRoot> out = new ArrayDeque<>();
    try (TaskContext task = new TaskContext(query, ctx, a.partition)) {
      Stage stage = ctx.stage();
      if (slow != null) slow.delay(stage.id(), a.partition, a.number, () -> a.killed);
      BatchSource source = task.track(new TaskPlanner(task).build(stage.plan(), a.partition));
      VectorSchemaRoot b;
      while ((b = source.next()) != null) {
        out.add(Batches.transfer(b, query.allocator()));
        if (a.killed) return;
        query.checkRunning();
      }
      if (win(a)) commit(a, out);
    } catch (RuntimeException | Error e) {
      if (a.killed) return; // a losing attempt stopped: not a failure
      Throwable why = QueryMemoryLimit.exceeded(e, query.id() + " stage " + ctx.stage().id() + " task " + a.partition,
          ctx.stage().plan(), query.allocator());
      query.fail(why);
      if (why instanceof RuntimeException r) throw r;
      throw (Error) why;
    } finally {
      Batches.closeAll(out);
      query.exitTask();
    }
  }

  /** True when {@code a} is the first attempt of its task to finish; the others are told to stop. */
  private synchronized boolean win(Attempt a) {
    int p = a.partition;
    if (finished[p] || a.killed) return false;
    finished[p] = true;
    remaining--;
    runTimes.add(System.currentTimeMillis() - a.startedAt);
    for (Attempt other : attempts.get(p)) {
      if (other != a) {
        other.killed = true;
        events.killed(query.id(), ctx.stage().id(), p, other.number, "attempt " + a.number + " won");
      }
    }
    if (copied[p]) {
      events.succeeded(query.id(), ctx.stage().id(), p, a.number,
          a.number > 0 ? "the speculative copy won" : "won over its speculative copy");
    }
    return true;
  }

  /** Hands the winner's batches on (each sink takes ownership); {@code out} is left empty. */
  private void commit(Attempt a, Deque<VectorSchemaRoot> out) {
    Consumer<VectorSchemaRoot> sink = sinks.apply(a.partition);
    while (!out.isEmpty()) sink.accept(out.poll());
    query.progress().taskFinished();
  }
}
