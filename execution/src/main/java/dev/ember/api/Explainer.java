package dev.ember.api;

import dev.ember.catalyst.optimizer.cbo.CardinalityEstimator;
import dev.ember.catalyst.optimizer.cbo.PlanStats;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.PlanPrinter;
import dev.ember.catalyst.rules.RuleExecutor.TraceEntry;
import dev.ember.sql.ExplainMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of {@code EXPLAIN [EXTENDED | COST | CODEGEN | FORMATTED]}, as in Spark:
 * <ul>
 *   <li>SIMPLE: the optimized logical plan and the staged physical plan;</li>
 *   <li>EXTENDED: also the analyzed plan, and the optimizer's trace (each rule that changed the
 *       plan, how often, and the time all runs of each rule took);</li>
 *   <li>COST: the optimized plan with the estimated rows and bytes of every operator;</li>
 *   <li>CODEGEN: the physical plan, then the generated Java of every pipeline;</li>
 *   <li>FORMATTED: a numbered outline of the physical plan, then each operator's details.</li>
 * </ul>
 */
final class Explainer {
  private Explainer() {}

  static String render(ExplainMode mode, LogicalPlan analyzed, SessionState.Planned p, List<TraceEntry> trace,
                       boolean codegen) {
    StringBuilder sb = new StringBuilder();
    switch (mode) {
      case SIMPLE -> {
        sb.append("== Optimized Logical Plan ==\n").append(p.optimized().treeString()).append('\n');
        sb.append("== Physical Plan ==\n").append(ExplainPrinter.print(p.stages(), codegen));
      }
      case EXTENDED -> {
        sb.append("== Analyzed Logical Plan ==\n").append(analyzed.treeString()).append('\n');
        sb.append("== Optimizer Trace ==\n").append(traceText(trace)).append('\n');
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

  /** One line per rule that changed the plan: batch, rule, times it changed the plan, total time of its runs. */
  static String traceText(List<TraceEntry> trace) {
    Map<String, long[]> byRule = new LinkedHashMap<>();
    for (TraceEntry t : trace) {
      long[] acc = byRule.computeIfAbsent(t.batch() + " / " + t.rule(), k -> new long[2]);
      if (t.changed()) acc[0]++;
      acc[1] += t.nanos();
    }
    StringBuilder sb = new StringBuilder();
    long total = 0;
    for (Map.Entry<String, long[]> e : byRule.entrySet()) {
      total += e.getValue()[1];
      if (e.getValue()[0] == 0) continue;
      sb.append(String.format(Locale.ROOT, "%-60s changed %2d× %8.3f ms%n", e.getKey(), e.getValue()[0],
          e.getValue()[1] / 1e6));
    }
    sb.append(String.format(Locale.ROOT, "%d rule runs, %.3f ms in all%n", trace.size(), total / 1e6));
    return sb.toString();
  }
}
