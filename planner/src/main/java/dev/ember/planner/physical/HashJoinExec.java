package dev.ember.planner.physical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.tree.Trees;
import java.util.ArrayList;
import java.util.List;

/**
 * Hash join: builds a hash table on the right input's {@code rightKeys}, probes it with each
 * left row's {@code leftKeys} (fused into the left side's pipeline), and keeps matches for which
 * {@code residual} is TRUE. NULL keys never match. With no keys every pair is a candidate (a
 * nested-loop join over the build side). {@code broadcast}: the build side is computed once and
 * seen whole by every task; otherwise both sides are hash-partitioned on their keys.
 * Supported types: INNER, LEFT, LEFT_SEMI, LEFT_ANTI (the build side is always the right).
 */
public record HashJoinExec(JoinType joinType, List<AttributeRef> leftKeys, List<AttributeRef> rightKeys,
    Expr residual, boolean broadcast, PhysicalPlan left, PhysicalPlan right) implements PhysicalPlan {
  public HashJoinExec {
    requireNonNull(joinType);
    leftKeys = List.copyOf(leftKeys);
    rightKeys = List.copyOf(rightKeys);
    requireNonNull(residual);
    requireNonNull(left);
    requireNonNull(right);
    if (leftKeys.size() != rightKeys.size()) throw new IllegalArgumentException("key count mismatch");
  }

  @Override public List<AttributeRef> output() {
    List<AttributeRef> out = new ArrayList<>(left.output());
    if (joinType.outputsRight()) {
      for (AttributeRef a : right.output()) out.add(joinType == JoinType.LEFT ? a.withNullable(true) : a);
    }
    return out;
  }

  @Override public Partitioning outputPartitioning() { return left.outputPartitioning(); }

  @Override public List<Distribution> requiredChildDistribution() {
    if (broadcast) return List.of(Distribution.Unspecified.INSTANCE, Distribution.BroadcastAll.INSTANCE);
    return List.of(new Distribution.Clustered(leftKeys), new Distribution.Clustered(rightKeys));
  }

  @Override public List<PhysicalPlan> children() { return List.of(left, right); }

  @Override public PhysicalPlan withChildren(List<PhysicalPlan> children) {
    Trees.checkArity(children, 2, this);
    PhysicalPlan l = children.get(0), r = children.get(1);
    return l == left && r == right ? this : new HashJoinExec(joinType, leftKeys, rightKeys, residual, broadcast, l, r);
  }

  @Override public String describe() {
    StringBuilder sb = new StringBuilder(broadcast ? "BroadcastHashJoin " : "ShuffledHashJoin ")
        .append(joinType.sql()).append(" [");
    for (int i = 0; i < leftKeys.size(); i++) {
      sb.append(i > 0 ? ", " : "").append(leftKeys.get(i).name()).append(" = ").append(rightKeys.get(i).name());
    }
    sb.append(']');
    if (!residual.equals(Literal.TRUE)) sb.append(" residual=[").append(residual.display()).append(']');
    return sb.toString();
  }
}
