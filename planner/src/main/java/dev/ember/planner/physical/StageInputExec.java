package dev.ember.planner.physical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.tree.Trees;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a stage reads the output of an earlier stage: the shuffle partition of its task, or all
 * of a broadcast. Replaces an {@link ExchangeExec} when stages are cut.
 *
 * @param ranges empty: task {@code i} reads shuffle partition {@code i} (or, for a broadcast,
 *     partition 0); otherwise set by adaptive execution after the earlier stage ran: task
 *     {@code i} reads the partitions of {@code ranges.get(i)} (coalesced; or some map tasks' blocks
 *     of one skewed partition, or one partition that other tasks read too, beside the other
 *     side's split), and a broadcast reads every range (a shuffle read whole as a join's build side)
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
          : ", coalesced " + parts + " → " + ranges.size() + skew();
    }
    return "StageInput [stage " + stageId + ", " + partitioning.describe() + read + "] [" + Nodes.names(output) + "]";
  }

  /** How adaptive execution split skewed partitions: this side's, or this side's partitions replicated to meet the other's splits. */
  private String skew() {
    Set<Integer> split = new TreeSet<>();
    Set<Integer> seen = new HashSet<>();
    Set<Integer> replicated = new TreeSet<>();
    int splits = 0;
    for (PartitionRange r : ranges) {
      if (r.partial()) {
        split.add(r.start());
        splits++;
      } else if (!seen.add(r.start())) {
        replicated.add(r.start());
      }
    }
    String out = split.isEmpty() ? "" : ", skewed partitions: " + split.size() + " split into " + splits;
    return out + (replicated.isEmpty() ? "" : ", partitions replicated for skew: " + replicated.size());
  }
}
