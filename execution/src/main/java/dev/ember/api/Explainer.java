package dev.ember.api;

import dev.ember.catalyst.optimizer.OptimizerTrace;
import dev.ember.catalyst.optimizer.cbo.CardinalityEstimator;
import dev.ember.catalyst.optimizer.cbo.PlanStats;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.PlanPrinter;
import dev.ember.sql.ExplainMode;
import java.util.Locale;

/**
 * The text of {@code EXPLAIN [EXTENDED | COST | CODEGEN | FORMATTED]}, as in Spark:
 * <ul>
 *   <li>SIMPLE: the optimized logical plan and the staged physical plan;</li>
 *   <li>EXTENDED: also the analyzed plan, and the optimizer's trace ({@code OptimizerTrace});</li>
 *   <li>COST: the optimized plan with the estimated rows and bytes of every operator;</li>
 *   <li>CODEGEN: the physical plan, then the generated Java of every pipeline;</li>
 *   <li>FORMATTED: a numbered outline of the physical plan, then each operator's details.</li>
 * </ul>
 */
final class Explainer {
  private Explainer() {}

  static String render(ExplainMode mode, LogicalPlan analyzed, SessionState.Planned p, boolean codegen) {
    StringBuilder sb = new StringBuilder();
    switch (mode) {
      case SIMPLE -> {
        sb.append("== Optimized Logical Plan ==\n").append(p.optimized().treeString()).append('\n');
        sb.append("== Physical Plan ==\n").append(ExplainPrinter.print(p.stages(), codegen));
      }
      case EXTENDED -> {
        sb.append("== Analyzed Logical Plan ==\n").append(analyzed.treeString()).append('\n');
        sb.append("== Optimizer Trace ==\n").append(OptimizerTrace.format(p.trace())).append('\n');
        sb.append("== Optimized Logical Plan ==\n").append(p.optimized().treeString()).append('\n');
        sb.append("== Physical Plan ==\n").append(ExplainPrinter.print(p.stages(), codegen));
      }
      case COST -> {
        sb.append("== Optimized Logical Plan ==\n").append(withCosts(p.optimized())).append('\n');
        sb.append("== Physical Plan ==\n").append(ExplainPrinter.print(p.stages(), codegen));
      }
      case CODEGEN -> {
        sb.append("== Physical Plan ==\n").append(ExplainPrinter.print(p.stages(), codegen)).append('\n');
        sb.append(ExplainPrinter.generatedCode(p.stages(), codegen));
      }
      case FORMATTED -> sb.append(FormattedPlan.print(p.stages(), codegen));
    }
    return sb.toString();
  }

  /** Each plan node followed by its estimate: {@code (rows=…, size=…)}, or {@code (rows=?)} when unknown. */
  static String withCosts(LogicalPlan plan) {
    CardinalityEstimator estimator = new CardinalityEstimator();
    return PlanPrinter.print(plan, n -> n.describe() + " " + costText(estimator.estimate(n)));
  }

  static String costText(PlanStats s) {
    if (!s.isKnown()) return "(rows=?, size=?)";
    return String.format(Locale.ROOT, "(rows=%s, size=%s)", count(s.rows()), bytes(s.bytes()));
  }

  private static String count(double v) {
    if (v >= 1e9) return String.format(Locale.ROOT, "%.2fG", v / 1e9);
    if (v >= 1e6) return String.format(Locale.ROOT, "%.2fM", v / 1e6);
    if (v >= 1e4) return String.format(Locale.ROOT, "%.1fK", v / 1e3);
    return Long.toString(Math.round(v));
  }

  private static String bytes(double v) {
    if (v >= 1L << 30) return String.format(Locale.ROOT, "%.2f GiB", v / (1L << 30));
    if (v >= 1L << 20) return String.format(Locale.ROOT, "%.2f MiB", v / (1L << 20));
    if (v >= 1L << 10) return String.format(Locale.ROOT, "%.1f KiB", v / (1L << 10));
    return Math.round(v) + " B";
  }
}
