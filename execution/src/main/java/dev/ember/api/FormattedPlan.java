package dev.ember.api;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.datasources.DataSourceTable;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.physical.ScanExec;
import dev.ember.planner.stage.Stage;
import dev.ember.planner.stage.StagePlan;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code EXPLAIN FORMATTED}: the staged physical plan as an outline of operator names, each with
 * a number, followed by one section per number with the operator's full description and output
 * columns (Spark's layout), so wide plans stay readable. A scan of a table that counts what its
 * readers skipped (partitions, files, Parquet row groups — by pushed and runtime filters) also
 * shows those counts, accumulated over the queries run so far: EXPLAIN runs nothing itself.
 */
final class FormattedPlan {
  private FormattedPlan() {}

  static String print(StagePlan plan, boolean codegen) {
    Map<PhysicalPlan, Integer> ids = new IdentityHashMap<>();
    List<PhysicalPlan> order = new ArrayList<>();
    StringBuilder outline = new StringBuilder("== Physical Plan ==\n");
    for (int i = plan.stages().size() - 1; i >= 0; i--) {
      Stage s = plan.stages().get(i);
      outline.append("Stage ").append(s.id()).append(s.isResult() ? " (result)" : " → exchange").append('\n');
      outline(s.plan(), 1, ids, order, outline);
    }
    StringBuilder details = new StringBuilder();
    for (PhysicalPlan n : order) {
      details.append('\n').append('(').append(ids.get(n)).append(") ").append(name(n)).append('\n');
      details.append("Details: ").append(n.describe()).append('\n');
      if (n instanceof ScanExec scan && scan.table() instanceof DataSourceTable t && t.metrics().isPresent()) {
        details.append("Pruning so far (all scans of this table): ").append(t.metrics().get()).append('\n');
      }
      details.append("Output [").append(n.output().size()).append("]: ")
          .append(n.output().stream().map(AttributeRef::name).collect(Collectors.joining(", "))).append('\n');
    }
    return outline.append(details).toString();
  }

  private static void outline(PhysicalPlan n, int depth, Map<PhysicalPlan, Integer> ids, List<PhysicalPlan> order,
                              StringBuilder sb) {
    ids.put(n, order.size() + 1);
    order.add(n);
    sb.append("  ".repeat(depth)).append(name(n)).append(" (").append(ids.get(n)).append(")\n");
    for (PhysicalPlan c : n.children()) outline(c, depth + 1, ids, order, sb);
  }

  /** The operator's name: the first word of its description. */
  private static String name(PhysicalPlan n) {
    String d = n.describe();
    int space = d.indexOf(' ');
    return space < 0 ? d : d.substring(0, space);
  }
}
