package dev.ember.catalyst.catalog;

import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.Schema;

/**
 * A table as the planner sees it: a name, a schema and statistics. Data sources implement this
 * together with the way to read it; views and generated tables do too.
 */
public interface Table {
  /** Fully qualified name, e.g. {@code tpch.tiny.lineitem}. */
  String name();

  Schema schema();

  default Statistics statistics() { return Statistics.UNKNOWN; }
}
