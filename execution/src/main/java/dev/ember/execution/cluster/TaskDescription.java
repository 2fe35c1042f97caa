package dev.ember.execution.cluster;

import static java.util.Objects.requireNonNull;

import dev.ember.execution.scheduler.ResultTasks;
import dev.ember.planner.stage.Stage;
import java.util.List;
import java.util.Map;

/**
 * One task as it travels to an executor (inside a {@link WireFormat} envelope): which query,
 * stage, partition and attempt; the stage's physical plan fragment (tables travel as handles);
 * the settings it runs with; and where the outputs of the stages it reads live.
 *
 * @param inputs for each stage the plan reads (its {@code StageInputExec}s), every map task's output
 * @param output for a result task that writes its rows where it runs (a write job), where they
 *     go — serializable, opened on the executor; null for a result streamed to the driver and for map tasks
 */
public record TaskDescription(String queryId, int stageId, int partition, int attempt, Stage stage,
                              TaskSettings settings, Map<Integer, List<MapOutput>> inputs, ResultTasks output)
    implements java.io.Serializable {
  public TaskDescription {
    requireNonNull(queryId);
    requireNonNull(stage);
    requireNonNull(settings);
    inputs = Map.copyOf(inputs);
  }

  /** A task whose result, if any, is streamed to the driver. */
  public TaskDescription(String queryId, int stageId, int partition, int attempt, Stage stage,
                         TaskSettings settings, Map<Integer, List<MapOutput>> inputs) {
    this(queryId, stageId, partition, attempt, stage, settings, inputs, null);
  }

  public String name() { return queryId + "/stage " + stageId + "/task " + partition + "." + attempt; }
}
