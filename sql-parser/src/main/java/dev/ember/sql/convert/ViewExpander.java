package dev.ember.sql.convert;

import dev.ember.catalyst.catalog.ViewTable;
import dev.ember.catalyst.plan.logical.LogicalPlan;

/** Converts a view's SQL afresh where it is referenced, so every reference has its own ids. */
@FunctionalInterface
public interface ViewExpander {
  /** The view's plan, with output columns named and typed as {@code view.schema()} says. */
  LogicalPlan expand(ViewTable view);
}
