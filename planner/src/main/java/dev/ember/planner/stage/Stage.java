package dev.ember.planner.stage;

import static java.util.Objects.requireNonNull;

import dev.ember.planner.physical.Partitioning;
import dev.ember.planner.physical.PhysicalPlan;
import java.util.List;

/**
 * A unit of scheduling: a plan fragment without exchanges (earlier stages' outputs appear as
 * {@link dev.ember.planner.physical.StageInputExec} leaves), run as one task per partition.
 *
 * @param output how the stage's output is partitioned for its consumer, or null for the final
 *     (result) stage
 * @param parents ids of the stages whose outputs this stage reads
 */
public record Stage(int id, PhysicalPlan plan, Partitioning output, List<Integer> parents)
    implements java.io.Serializable {
  public Stage { requireNonNull(plan); parents = List.copyOf(parents); }

  public boolean isResult() { return output == null; }
}
