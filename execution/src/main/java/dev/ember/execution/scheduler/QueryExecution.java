package dev.ember.execution.scheduler;

import dev.ember.planner.adaptive.AdaptiveConfig;
import dev.ember.planner.adaptive.MapOutputStatistics;
import dev.ember.planner.adaptive.StageReplanner;
import dev.ember.planner.stage.Stage;
import dev.ember.planner.stage.StagePlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs a query's stages as a DAG: a stage starts when every stage it reads has finished, and
 * its tasks are started by the {@link TaskLauncher} — on local threads with outputs in the
 * query's {@link dev.ember.execution.shuffle.StageOutputs}, or on executors in cluster mode.
 * The result stage hands its batches to the launcher's result consumer.
 *
 * <p>With adaptive execution on, a stage is re-planned ({@link StageReplanner}) just before it
 * starts, with the real output sizes of the stages it reads; {@link #finalPlan()} is the plan as
 * run.
 */
public final class QueryExecution {
  private final StagePlan plan;
  private final QueryContext query;
  private final TaskScheduler scheduler;
  private final TaskLauncher launcher;
  private final StageReplanner replanner;
  private final AtomicReferenceArray<Stage> launched;
  private volatile CompletableFuture<Void> result;

  /** Local mode: tasks on {@code scheduler}'s threads, stages run as planned. */
  public QueryExecution(StagePlan plan, QueryContext query, TaskScheduler scheduler, Consumer<VectorSchemaRoot> results) {
    this(plan, query, scheduler, new LocalTaskLauncher(query, scheduler, results));
  }

  /** Tasks started by {@code launcher}; {@code scheduler}'s threads only start stages; stages run as planned. */
  public QueryExecution(StagePlan plan, QueryContext query, TaskScheduler scheduler, TaskLauncher launcher) {
    this(plan, query, scheduler, launcher, AdaptiveConfig.DISABLED);
  }

  /** As above, each stage re-planned with its inputs' real sizes when {@code adaptive} is enabled. */
  public QueryExecution(StagePlan plan, QueryContext query, TaskScheduler scheduler, TaskLauncher launcher,
                        AdaptiveConfig adaptive) {
    this.plan = plan;
    this.query = query;
    this.scheduler = scheduler;
    this.launcher = launcher;
    this.replanner = new StageReplanner(adaptive);
    this.launched = new AtomicReferenceArray<>(plan.stages().size());
  }

  /** Starts every stage; the future completes when the result stage has finished (or one failed). */
  public CompletableFuture<Void> start() {
    List<CompletableFuture<Void>> done = new ArrayList<>();
    query.progress().planned(plan.stages().size());
    for (Stage s : plan.stages()) {
      CompletableFuture<?>[] parents = s.parents().stream().map(done::get).toArray(CompletableFuture[]::new);
      done.add(CompletableFuture.allOf(parents).thenComposeAsync(v -> launcher.launch(replan(s)), scheduler.pool()));
    }
    RunningQueries.started(query);
    result = done.get(done.size() - 1);
    result.whenComplete((v, t) -> RunningQueries.ended(query));
    return result;
  }

  /** True once the result stage has finished (successfully or not): the final plan is final. */
  public boolean finished() { return result != null && result.isDone(); }

  /** The plan as planned before the query ran. */
  public StagePlan initialPlan() { return plan; }

  /** The stages as run (re-planned); a stage not started yet as planned. */
  public StagePlan finalPlan() {
    List<Stage> stages = new ArrayList<>();
    for (int i = 0; i < launched.length(); i++) {
      Stage s = launched.get(i);
      stages.add(s != null ? s : plan.stage(i));
    }
    return new StagePlan(stages);
  }

  private Stage replan(Stage s) {
    Map<Integer, MapOutputStatistics> inputs = new HashMap<>();
    for (int parent : s.parents()) {
      MapOutputStatistics stats = launcher.statistics(parent);
      if (stats != null) inputs.put(parent, stats);
    }
    Stage run = inputs.isEmpty() ? s : replanner.replan(s, inputs);
    launched.set(s.id(), run);
    return run;
  }
}
