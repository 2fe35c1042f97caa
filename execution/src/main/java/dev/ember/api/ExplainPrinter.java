package dev.ember.api;

import dev.ember.catalyst.plan.logical.PlanPrinter;
import dev.ember.codegen.pipeline.PipelineFactory;
import dev.ember.codegen.pipeline.PipelineSpec;
import dev.ember.execution.pipeline.PipelineChain;
import dev.ember.planner.physical.HashAggregateExec;
import dev.ember.planner.physical.HashJoinExec;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.physical.ScanExec;
import dev.ember.planner.stage.Stage;
import dev.ember.planner.stage.StagePlan;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Prints a staged physical plan, marking the operators fused into each pipeline: {@code *(n)}
 * for generated code, {@code (n)} for a pipeline that runs interpreted.
 */
final class ExplainPrinter {
  private ExplainPrinter() {}

  static String print(StagePlan plan, boolean codegen) {
    StringBuilder sb = new StringBuilder();
    int[] next = {1};
    for (int i = plan.stages().size() - 1; i >= 0; i--) {
      Stage s = plan.stages().get(i);
      Map<PhysicalPlan, String> marks = new IdentityHashMap<>();
      mark(s.plan(), marks, next, codegen);
      sb.append("Stage ").append(s.id()).append(s.isResult() ? " (result)" : " → exchange " + s.output().describe())
          .append('\n');
      String tree = PlanPrinter.print(s.plan(), n -> marks.getOrDefault(n, "") + n.describe());
      for (String line : tree.split("\n")) sb.append("  ").append(line).append('\n');
    }
    return sb.toString();
  }

  private static void mark(PhysicalPlan node, Map<PhysicalPlan, String> marks, int[] next, boolean codegen) {
    boolean agg = node instanceof HashAggregateExec;
    boolean startsPipeline = agg || PipelineChain.fusable(node) || (node instanceof ScanExec s && !s.filters().isEmpty());
    if (!startsPipeline) {
      for (PhysicalPlan c : node.children()) mark(c, marks, next, codegen);
      return;
    }
    PipelineChain chain = PipelineChain.of(agg ? node.children().get(0) : node);
    PipelineSpec spec = new PipelineSpec("explain", PipelineChain.columns(chain.source().output()), chain.steps(),
        new PipelineSpec.OutputSink());
    String mark = (PipelineFactory.willGenerate(spec, codegen) ? "*(" : "(") + next[0]++ + ") ";
    if (agg) marks.put(node, mark);
    for (PhysicalPlan n : chain.fused()) marks.put(n, mark);
    for (HashJoinExec j : chain.joins()) mark(j.right(), marks, next, codegen);
    if (!(chain.source() instanceof ScanExec)) mark(chain.source(), marks, next, codegen);
  }
}
