package dev.ember.catalyst.catalog;

import dev.ember.catalyst.plan.logical.LogicalPlan;

/**
 * A table that stands for an already resolved logical plan (a DataFrame, a temporary view made
 * from one). The SQL front end validates references to it against {@link #schema()} and, where it
 * is read, puts {@link #plan()} in place of a scan; the plan's output must match the schema
 * column for column (names may differ: the schema's are what SQL text sees).
 */
public interface PlanTable extends Table {
  /**
   * The plan to read. Implementations decide whether each read gets fresh attribute ids (a view
   * read twice in one query must) or the plan's own (a DataFrame transformation keeps its
   * child's ids so columns taken from the child still resolve).
   */
  LogicalPlan plan();
}
