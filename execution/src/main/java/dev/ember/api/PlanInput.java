package dev.ember.api;

import dev.ember.catalyst.catalog.PlanTable;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One input of a transformation as the SQL front end sees it: a table named {@code alias} whose
 * reads are the input's plan itself (same attribute ids, so the transformation's expressions
 * refer to the input's columns). Column names are the plan's, made unique where a join left two
 * alike ({@code x}, {@code x#2}) so every column can be named.
 */
record PlanInput(String alias, LogicalPlan plan, List<String> columns) implements PlanTable {
  static PlanInput of(String alias, LogicalPlan plan) {
    List<String> cols = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<AttributeRef> out = plan.output();
    for (int i = 0; i < out.size(); i++) {
      String n = out.get(i).name();
      String name = seen.add(Scope.key(n)) ? n : n + "#" + (i + 1);
      seen.add(Scope.key(name));
      cols.add(name);
    }
    return new PlanInput(alias, plan, cols);
  }

  @Override public String name() { return alias; }

  @Override public Schema schema() {
    List<Field> fields = new ArrayList<>();
    List<AttributeRef> out = plan.output();
    for (int i = 0; i < out.size(); i++) fields.add(new Field(columns.get(i), out.get(i).type(), out.get(i).nullable()));
    return new Schema(fields);
  }
}
