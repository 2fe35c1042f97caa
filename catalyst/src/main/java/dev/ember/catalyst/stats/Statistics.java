package dev.ember.catalyst.stats;

import java.util.OptionalLong;

/** What is known of a relation's size. */
public record Statistics(OptionalLong rowCount, OptionalLong sizeInBytes) {
  public static final Statistics UNKNOWN = new Statistics(OptionalLong.empty(), OptionalLong.empty());

  public static Statistics of(long rows, long bytes) {
    return new Statistics(OptionalLong.of(rows), OptionalLong.of(bytes));
  }
}
