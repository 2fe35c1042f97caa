package dev.ember.execution.operator;

import dev.ember.catalyst.types.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** Entry point to sorting for the task planner. */
public final class Sorts {
  /** One ORDER BY key: a column of the input, its type and direction. */
  public record Key(int column, DataType type, boolean ascending, boolean nullsFirst) {}

  private Sorts() {}

  /** Sorts {@code input} (limit < 0) or keeps its top {@code offset + limit} rows, returning rows after {@code offset}. */
  public static BatchSource sort(BatchSource input, List<Key> keys, long limit, long offset, BufferAllocator allocator,
      int batchSize) {
    return new SortSource(input, keys, limit, offset, allocator, batchSize, null);
  }

  /** Like {@link #sort(BatchSource, List, long, long, BufferAllocator, int)}; a full sort reserves from {@code memory} and spills sorted runs when refused. */
  public static BatchSource sort(BatchSource input, List<Key> keys, long limit, long offset, BufferAllocator allocator,
      int batchSize, dev.ember.execution.memory.TaskMemory memory) {
    return new SortSource(input, keys, limit, offset, allocator, batchSize, memory);
  }
}
