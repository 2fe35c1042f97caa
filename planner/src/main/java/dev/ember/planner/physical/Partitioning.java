package dev.ember.planner.physical;

import dev.ember.catalyst.expr.AttributeRef;
import java.util.List;
import java.util.stream.Collectors;

/** How an operator's output rows are spread over partitions. */
public sealed interface Partitioning extends java.io.Serializable {
  /** Spread in no known way (e.g. by input file); the count is known only at run time. */
  record Unknown() implements Partitioning {}

  /** All rows in one partition. */
  record Single() implements Partitioning {}

  /** Rows with equal keys are in the same one of {@code numPartitions} partitions. */
  record Hash(List<AttributeRef> keys, int numPartitions) implements Partitioning {
    public Hash { keys = List.copyOf(keys); }
  }

  /** Every partition holds all rows (the build side of a broadcast join). */
  record Broadcast() implements Partitioning {}

  Partitioning UNKNOWN = new Unknown();
  Partitioning SINGLE = new Single();
  Partitioning BROADCAST = new Broadcast();

  /** True when rows partitioned this way meet {@code d}. */
  default boolean satisfies(Distribution d) {
    if (d instanceof Distribution.Unspecified) return true;
    if (d instanceof Distribution.AllTuples) return this instanceof Single;
    if (d instanceof Distribution.BroadcastAll) return this instanceof Broadcast;
    if (d instanceof Distribution.Clustered c) {
      if (this instanceof Single) return true;
      if (this instanceof Hash h) {
        // Hash on a subset of the required keys keeps equal required keys together, but both
        // sides of a join must hash the same keys in the same order: require an exact match.
        return sameIds(h.keys(), c.keys());
      }
    }
    return false;
  }

  default String describe() {
    if (this instanceof Hash h) {
      return "hash(" + h.keys().stream().map(AttributeRef::name).collect(Collectors.joining(", ")) + ", "
          + h.numPartitions() + ")";
    }
    if (this instanceof Single) return "single";
    if (this instanceof Broadcast) return "broadcast";
    return "unknown";
  }

  private static boolean sameIds(List<AttributeRef> a, List<AttributeRef> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) if (a.get(i).id() != b.get(i).id()) return false;
    return true;
  }
}
