package dev.ember.sql;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.plan.logical.LogicalPlan;
import java.util.List;

/**
 * A query converted to a resolved logical plan.
 *
 * @param columnNames the user-visible result names in SELECT order (duplicates allowed); unnamed
 *     select items are named by their SQL text, e.g. {@code sum(l_quantity)}
 * @param broadcastHints output attribute ids of the relations a {@code /*+ BROADCAST(t) *&#47;}
 *     hint names: a join side that outputs one of them is broadcast whatever its estimated size
 */
public record Query(LogicalPlan plan, List<String> columnNames, java.util.Set<Long> broadcastHints)
    implements Statement {
  public Query {
    requireNonNull(plan);
    columnNames = List.copyOf(columnNames);
    broadcastHints = java.util.Set.copyOf(broadcastHints);
    if (columnNames.size() != plan.output().size()) {
      throw new IllegalArgumentException(columnNames.size() + " names for "
          + plan.output().size() + " columns");
    }
  }

  /** A query without hints. */
  public Query(LogicalPlan plan, List<String> columnNames) { this(plan, columnNames, java.util.Set.of()); }
}
