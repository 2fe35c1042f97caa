package dev.ember.api;

import dev.ember.catalyst.plan.logical.PlanPrinter;
import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.codegen.pipeline.PipelineFactory;
import dev.ember.codegen.pipeline.PipelineGenerator;
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

  /**
   * The generated Java of every pipeline of the plan, numbered as in {@link #print}. Each is the
   * pipeline's loop as generated with its rows going to an output sink (a pipeline that ends in an
   * aggregation updates its hash table instead); interpreted pipelines say so.
   */
  static String generatedCode(StagePlan plan, boolean codegen) {
    StringBuilder sb = new StringBuilder();
    int[] next = {1};
    for (int i = plan.stages().size() - 1; i >= 0; i--) {
      Map<PhysicalPlan, String> marks = new IdentityHashMap<>();
      Map<String, PipelineSpec> specs = new java.util.LinkedHashMap<>();
      collect(plan.stages().get(i).plan(), marks, specs, next, codegen);
      for (Map.Entry<String, PipelineSpec> e : specs.entrySet()) {
        sb.append("== Pipeline ").append(e.getKey().trim()).append(" ==\n");
        if (!PipelineFactory.willGenerate(e.getValue(), codegen)) {
          sb.append("(interpreted: no generated code)\n\n");
          continue;
        }
        sb.append(PipelineGenerator.generate(e.getValue(), QueryClock.now()).source()).append('\n');
      }
    }
    return sb.toString();
  }

  private static void mark(PhysicalPlan node, Map<PhysicalPlan, String> marks, int[] next, boolean codegen) {
    collect(node, marks, new java.util.LinkedHashMap<>(), next, codegen);
  }

  private static void collect(PhysicalPlan node, Map<PhysicalPlan, String> marks, Map<String, PipelineSpec> specs,
                              int[] next, boolean codegen) {
    boolean agg = node instanceof HashAggregateExec;
    boolean startsPipeline = agg || PipelineChain.fusable(node) || (node instanceof ScanExec s && !s.filters().isEmpty());
    if (!startsPipeline) {
      for (PhysicalPlan c : node.children()) collect(c, marks, specs, next, codegen);
      return;
    }
    PipelineChain chain = PipelineChain.of(agg ? node.children().get(0) : node);
    PipelineSpec spec = new PipelineSpec("explain", PipelineChain.columns(chain.source().output()), chain.steps(),
        new PipelineSpec.OutputSink());
    String mark = (PipelineFactory.willGenerate(spec, codegen) ? "*(" : "(") + next[0]++ + ") ";
    specs.put(mark, spec);
    if (agg) marks.put(node, mark);
    for (PhysicalPlan n : chain.fused()) marks.put(n, mark);
    for (HashJoinExec j : chain.joins()) collect(j.right(), marks, specs, next, codegen);
    if (!(chain.source() instanceof ScanExec)) collect(chain.source(), marks, specs, next, codegen);
  }
}
