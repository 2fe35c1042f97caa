package dev.ember.execution.operator;

import dev.ember.catalyst.types.Schema;
import dev.ember.codegen.operator.AggHashTable;
import dev.ember.codegen.pipeline.Pipeline;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A hash aggregation: drains its input through a pipeline that updates the table, then returns
 * one row per group.
 */
public final class AggregateSource implements BatchSource {
  private final BatchSource input;
  private final Pipeline pipeline;
  private final AggHashTable table;
  private final List<AggHashTable.OutputColumn> columns;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final Deque<VectorSchemaRoot> ready = new ArrayDeque<>();
  private boolean built;

  public AggregateSource(BatchSource input, Pipeline pipeline, AggHashTable table,
      List<AggHashTable.OutputColumn> columns, Schema schema, BufferAllocator allocator, int batchSize) {
    this.input = input;
    this.pipeline = pipeline;
    this.table = table;
    this.columns = columns;
    this.schema = schema;
    this.allocator = allocator;
    this.batchSize = batchSize;
  }

  @Override public VectorSchemaRoot next() {
    if (!built) {
      built = true;
      VectorSchemaRoot in;
      while (!pipeline.done() && (in = input.next()) != null) {
        try {
          pipeline.process(in);
        } finally {
          in.close();
        }
      }
      table.emit(columns, schema, batchSize, allocator, ready::add);
      table.close();
    }
    return ready.poll();
  }

  @Override public void close() {
    Batches.closeAll(ready);
    ready.clear();
    table.close();
    input.close();
  }
}
