package dev.ember.sql;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.plan.logical.LogicalPlan;
import java.util.List;

/**
 * A query converted to a resolved logical plan.
 *
 * @param columnNames the user-visible result names in SELECT order (duplicates allowed); unnamed
 *     select items are named by their SQL text, e.g. {@code sum(l_quantity)}
 */
public record Query(LogicalPlan plan, List<String> columnNames) implements Statement {
  public Query {
    requireNonNull(plan);
    columnNames = List.copyOf(columnNames);
    if (columnNames.size() != plan.output().size()) {
      throw new IllegalArgumentException(columnNames.size() + " names for "
          + plan.output().size() + " columns");
    }
  }
}
