package dev.ember.api;

import dev.ember.execution.scheduler.QueryExecution;

/**
 * The executed plan of a query as Spark prints an adaptive plan: {@code AdaptivePlan
 * isFinalPlan=true} once the query has finished, then the final plan (each stage as adaptive
 * execution re-planned it, with coalesced reads and switched joins) and the initial plan.
 */
final class AdaptivePlanText {
  private AdaptivePlanText() {}

  static String print(QueryExecution execution, boolean codegen) {
    StringBuilder sb = new StringBuilder("AdaptivePlan isFinalPlan=").append(execution.finished()).append('\n');
    sb.append("+- == Final Plan ==\n");
    indent(sb, ExplainPrinter.print(execution.finalPlan(), codegen));
    sb.append("+- == Initial Plan ==\n");
    indent(sb, ExplainPrinter.print(execution.initialPlan(), codegen));
    return sb.toString();
  }

  private static void indent(StringBuilder sb, String text) {
    for (String line : text.split("\n")) sb.append("   ").append(line).append('\n');
  }
}
