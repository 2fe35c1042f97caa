package dev.ember.api;

import dev.ember.catalyst.catalog.PlanTable;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.execution.cache.PlanIds;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * A temporary view made from a DataFrame ({@code createOrReplaceTempView}): SQL reads it as the
 * DataFrame's plan, with fresh attribute ids at every reference so a view may be read twice.
 */
record DataFrameView(String name, LogicalPlan source) implements PlanTable {
  @Override public Schema schema() {
    List<Field> fields = new ArrayList<>();
    for (AttributeRef a : source.output()) fields.add(new Field(a.name(), a.type(), a.nullable()));
    return new Schema(fields);
  }

  @Override public LogicalPlan plan() { return PlanIds.freshen(source); }
}
