package dev.ember.execution.pipeline;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.codegen.pipeline.PipelineSpec;
import dev.ember.codegen.pipeline.PipelineSpec.Column;
import dev.ember.planner.physical.FilterExec;
import dev.ember.planner.physical.HashJoinExec;
import dev.ember.planner.physical.LimitExec;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.physical.ProjectExec;
import dev.ember.planner.physical.ScanExec;
import java.util.ArrayList;
import java.util.List;

/**
 * A maximal run of operators that fuse into one pipeline, from a source up to (excluding) a
 * breaker: filters, projections, the probe side of hash joins, and limits without offset; a
 * scan's own filters come first. {@code layout} is the row layout after the last step.
 */
public record PipelineChain(PhysicalPlan source, List<PipelineSpec.Step> steps, List<HashJoinExec> joins,
    List<AttributeRef> layout, List<PhysicalPlan> fused) {

  /** Whether {@code node} is fused into the pipeline of its (probe-side) child. */
  public static boolean fusable(PhysicalPlan node) {
    return node instanceof FilterExec || node instanceof ProjectExec || node instanceof HashJoinExec
        || (node instanceof LimitExec l && l.offset() == 0 && l.limit() >= 0);
  }

  /** The chain that ends with {@code top} (which may itself be a source). */
  public static PipelineChain of(PhysicalPlan top) {
    List<PhysicalPlan> nodes = new ArrayList<>();
    PhysicalPlan cur = top;
    while (fusable(cur)) {
      nodes.add(cur);
      cur = cur instanceof HashJoinExec j ? j.left() : cur.children().get(0);
    }
    List<AttributeRef> layout = cur.output();
    List<PipelineSpec.Step> steps = new ArrayList<>();
    List<HashJoinExec> joins = new ArrayList<>();
    List<PhysicalPlan> fused = new ArrayList<>();
    if (cur instanceof ScanExec s && !s.filters().isEmpty()) {
      steps.add(new PipelineSpec.FilterStep(Exprs.bind(Predicates.and(s.filters()), layout)));
      fused.add(s);
    }
    for (int i = nodes.size() - 1; i >= 0; i--) {
      PhysicalPlan n = nodes.get(i);
      fused.add(n);
      if (n instanceof FilterExec f) {
        steps.add(new PipelineSpec.FilterStep(Exprs.bind(f.condition(), layout)));
      } else if (n instanceof ProjectExec p) {
        List<Expr> exprs = new ArrayList<>();
        for (NamedExpr ne : p.projections()) exprs.add(Exprs.bind(Exprs.unalias((Expr) ne), layout));
        steps.add(new PipelineSpec.ProjectStep(exprs));
        layout = p.output();
      } else if (n instanceof LimitExec l) {
        steps.add(new PipelineSpec.LimitStep(l.limit()));
      } else if (n instanceof HashJoinExec j) {
        List<AttributeRef> build = j.right().output();
        List<Integer> buildKeys = new ArrayList<>();
        for (AttributeRef k : j.rightKeys()) buildKeys.add(indexOf(build, k));
        List<AttributeRef> joined = new ArrayList<>(layout);
        for (AttributeRef b : build) joined.add(j.joinType() == JoinType.LEFT ? b.withNullable(true) : b);
        Expr residual = j.residual().equals(Literal.TRUE) ? null : Exprs.bind(j.residual(), joined);
        steps.add(new PipelineSpec.ProbeStep(j.joinType(), joins.size(), Exprs.bind(j.leftKeys(), layout), buildKeys,
            columns(build), residual));
        joins.add(j);
        if (j.joinType().outputsRight()) layout = joined;
      }
    }
    return new PipelineChain(cur, steps, joins, layout, fused);
  }

  static int indexOf(List<AttributeRef> attrs, AttributeRef a) {
    for (int i = 0; i < attrs.size(); i++) if (attrs.get(i).id() == a.id()) return i;
    throw new IllegalStateException("attribute " + a.name() + "#" + a.id() + " not found");
  }

  public static List<Column> columns(List<AttributeRef> attrs) {
    return attrs.stream().map(a -> new Column(a.type(), a.nullable())).toList();
  }
}
