package dev.ember.execution.scheduler;

import dev.ember.planner.adaptive.MapOutputStatistics;
import dev.ember.planner.stage.Stage;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the tasks of one query's stages, wherever tasks run: on the driver's threads
 * ({@link LocalTaskLauncher}) or on executors (cluster mode). {@link QueryExecution} decides
 * when a stage may start; the launcher decides where its tasks go and where map outputs live.
 */
public interface TaskLauncher {
  /**
   * Starts one task per partition of {@code stage}; the future completes when every partition
   * has succeeded (or the stage failed). Called only after the stages it reads have finished.
   */
  CompletableFuture<Void> launch(Stage stage);

  /**
   * The real size of a finished map stage's output, per shuffle partition (what adaptive
   * execution re-plans with); called only after the stage's {@link #launch} future completed.
   * Null when the launcher does not know it (the stage is then run as planned).
   */
  default MapOutputStatistics statistics(int stageId) { return null; }
}
