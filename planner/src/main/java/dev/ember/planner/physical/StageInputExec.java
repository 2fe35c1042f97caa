package dev.ember.planner.physical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.tree.Trees;
import java.util.List;

/**
 * Where a stage reads the output of an earlier stage: the shuffle partition of its task, or all
 * of a broadcast. Replaces an {@link ExchangeExec} when stages are cut.
 *
 * @param ranges empty: task {@code i} reads shuffle partition {@code i} (or, for a broadcast,
 *     partition 0); otherwise set by adaptive execution after the earlier stage ran: task
 *     {@code i} reads the partitions of {@code ranges.get(i)} (coalesced), and a broadcast reads
 *     every range (a shuffle read whole as a join's build side)
 */
public record StageInputExec(int stageId, List<AttributeRef> output, Partitioning partitioning,
                             List<PartitionRange> ranges) implements PhysicalPlan {
  public StageInputExec {
    output = List.copyOf(output);
    requireNonNull(partitioning);
    ranges = List.copyOf(ranges);
  }

  /** A plain read, as stages are cut. */
  public StageInputExec(int stageId, List<AttributeRef> output, Partitioning partitioning) {
    this(stageId, output, partitioning, List.of());
  }

  /** The same input read in the given ranges. */
  public StageInputExec withRanges(Partitioning p, List<PartitionRange> r) {
    return new StageInputExec(stageId, output, p, r);
  }

  @Override public Partitioning outputPartitioning() { return partitioning; }

  @Override public List<PhysicalPlan> children() { return List.of(); }

  @Override public PhysicalPlan withChildren(List<PhysicalPlan> children) {
    Trees.checkArity(children, 0, this);
    return this;
  }

  @Override public String describe() {
    String read = "";
    if (!ranges.isEmpty()) {
      int parts = ranges.get(ranges.size() - 1).end() - ranges.get(0).start();
      read = partitioning instanceof Partitioning.Broadcast
          ? ", all " + parts + " shuffle partitions"
          : ", coalesced " + parts + " → " + ranges.size();
    }
    return "StageInput [stage " + stageId + ", " + partitioning.describe() + read + "] [" + Nodes.names(output) + "]";
  }
}
