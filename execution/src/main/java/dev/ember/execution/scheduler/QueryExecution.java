package dev.ember.execution.scheduler;

import dev.ember.planner.stage.Stage;
import dev.ember.planner.stage.StagePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs a query's stages as a DAG: a stage starts when every stage it reads has finished, and
 * its tasks are started by the {@link TaskLauncher} — on local threads with outputs in the
 * query's {@link dev.ember.execution.shuffle.StageOutputs}, or on executors in cluster mode.
 * The result stage hands its batches to the launcher's result consumer.
 */
public final class QueryExecution {
  private final StagePlan plan;
  private final QueryContext query;
  private final TaskScheduler scheduler;
  private final TaskLauncher launcher;

  /** Local mode: tasks on {@code scheduler}'s threads. */
  public QueryExecution(StagePlan plan, QueryContext query, TaskScheduler scheduler, Consumer<VectorSchemaRoot> results) {
    this(plan, query, scheduler, new LocalTaskLauncher(query, scheduler, results));
  }

  /** Tasks started by {@code launcher}; {@code scheduler}'s threads only start stages. */
  public QueryExecution(StagePlan plan, QueryContext query, TaskScheduler scheduler, TaskLauncher launcher) {
    this.plan = plan;
    this.query = query;
    this.scheduler = scheduler;
    this.launcher = launcher;
  }

  /** Starts every stage; the future completes when the result stage has finished (or one failed). */
  public CompletableFuture<Void> start() {
    List<CompletableFuture<Void>> done = new ArrayList<>();
    query.progress().planned(plan.stages().size());
    for (Stage s : plan.stages()) {
      CompletableFuture<?>[] parents = s.parents().stream().map(done::get).toArray(CompletableFuture[]::new);
      done.add(CompletableFuture.allOf(parents).thenComposeAsync(v -> launcher.launch(s), scheduler.pool()));
    }
    RunningQueries.started(query);
    CompletableFuture<Void> last = done.get(done.size() - 1);
    last.whenComplete((v, t) -> RunningQueries.ended(query));
    return last;
  }
}
