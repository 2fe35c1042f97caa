package dev.ember.planner.physical;

import dev.ember.catalyst.expr.AttributeRef;
import java.util.List;

/** A requirement on how a child's rows are spread over partitions. */
public sealed interface Distribution {
  /** Anything will do. */
  enum Unspecified implements Distribution { INSTANCE }

  /** All rows in one partition (global sort, final limit, aggregate without keys). */
  enum AllTuples implements Distribution { INSTANCE }

  /** Every task sees all rows (broadcast join build side). */
  enum BroadcastAll implements Distribution { INSTANCE }

  /** Rows with equal keys in the same partition, hashed on exactly these keys. */
  record Clustered(List<AttributeRef> keys) implements Distribution {
    public Clustered { keys = List.copyOf(keys); }
  }
}
