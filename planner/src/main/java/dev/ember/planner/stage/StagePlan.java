package dev.ember.planner.stage;

import dev.ember.catalyst.plan.logical.PlanPrinter;
import dev.ember.planner.physical.ExchangeExec;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.physical.StageInputExec;
import java.util.ArrayList;
import java.util.List;

/**
 * A physical plan cut into stages at its exchanges. Stages are listed so that every stage comes
 * after the stages it reads; the last one produces the result.
 */
public record StagePlan(List<Stage> stages) {
  public StagePlan { stages = List.copyOf(stages); }

  public static StagePlan cut(PhysicalPlan plan) {
    List<Stage> stages = new ArrayList<>();
    PhysicalPlan root = cutBelow(plan, stages);
    stages.add(new Stage(stages.size(), root, null, parentsOf(root)));
    return new StagePlan(stages);
  }

  private static PhysicalPlan cutBelow(PhysicalPlan plan, List<Stage> stages) {
    return plan.transformUp(node -> {
      if (node instanceof ExchangeExec ex) {
        int id = stages.size();
        stages.add(new Stage(id, ex.child(), ex.partitioning(), parentsOf(ex.child())));
        return new StageInputExec(id, ex.child().output(), ex.partitioning());
      }
      return node;
    });
  }

  private static List<Integer> parentsOf(PhysicalPlan plan) {
    return plan.collect(n -> n instanceof StageInputExec in ? in.stageId() : null);
  }

  public Stage resultStage() { return stages.get(stages.size() - 1); }

  public Stage stage(int id) { return stages.get(id); }

  /** The stages from the result down, each with its output partitioning. */
  public String treeString() {
    StringBuilder sb = new StringBuilder();
    for (int i = stages.size() - 1; i >= 0; i--) {
      Stage s = stages.get(i);
      sb.append("Stage ").append(s.id()).append(s.isResult() ? " (result)" : " → " + s.output().describe())
          .append('\n');
      for (String line : PlanPrinter.print(s.plan(), PhysicalPlan::describe).split("\n")) {
        sb.append("  ").append(line).append('\n');
      }
    }
    return sb.toString();
  }
}
