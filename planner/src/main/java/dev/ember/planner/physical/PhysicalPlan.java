package dev.ember.planner.physical;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.tree.TreeNode;
import java.util.List;

/**
 * An operator of the physical plan: what runs, and how its output is partitioned. Stages are
 * cut at {@link ExchangeExec}s; within a stage, chains of operators are fused into generated
 * pipelines.
 */
public sealed interface PhysicalPlan extends TreeNode<PhysicalPlan>, java.io.Serializable
    permits ScanExec, ValuesExec, FilterExec, ProjectExec, HashAggregateExec, HashJoinExec, SortExec,
        TopNExec, LimitExec, UnionExec, ExchangeExec, StageInputExec, WindowExec {

  List<AttributeRef> output();

  /** How rows are spread over the partitions this operator outputs. */
  Partitioning outputPartitioning();

  /** What each child's partitioning must satisfy; exchanges are inserted where it does not. */
  default List<Distribution> requiredChildDistribution() {
    return children().stream().map(c -> (Distribution) Distribution.Unspecified.INSTANCE).toList();
  }

  /** {@code Name [args]}, for EXPLAIN and tests. */
  String describe();
}
