package dev.ember.execution.cluster;

import static java.util.Objects.requireNonNull;

import dev.ember.planner.stage.Stage;
import java.util.List;
import java.util.Map;

/**
 * One task as it travels to an executor (inside a {@link WireFormat} envelope): which query,
 * stage, partition and attempt; the stage's physical plan fragment (tables travel as handles);
 * the settings it runs with; and where the outputs of the stages it reads live.
 *
 * @param inputs for each stage the plan reads (its {@code StageInputExec}s), every map task's output
 */
public record TaskDescription(String queryId, int stageId, int partition, int attempt, Stage stage,
                              TaskSettings settings, Map<Integer, List<MapOutput>> inputs)
    implements java.io.Serializable {
  public TaskDescription {
    requireNonNull(queryId);
    requireNonNull(stage);
    requireNonNull(settings);
    inputs = Map.copyOf(inputs);
  }

  public String name() { return queryId + "/stage " + stageId + "/task " + partition + "." + attempt; }
}
