package dev.ember.execution.pipeline;

import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.codegen.operator.AggHashTable;
import dev.ember.codegen.pipeline.Accumulators;
import dev.ember.codegen.pipeline.Pipeline;
import dev.ember.codegen.pipeline.PipelineFactory;
import dev.ember.codegen.pipeline.PipelineResources;
import dev.ember.codegen.pipeline.PipelineSpec;
import dev.ember.execution.operator.AggregateSource;
import dev.ember.execution.scheduler.TaskContext;
import java.util.ArrayList;
import java.util.List;

/**
 * How a hash aggregation spills and merges back: its groups are written as intermediate rows —
 * the keys, then each accumulator's buffer — and merged by a table whose updates combine
 * buffers (the same merge updates a final aggregation uses), over those rows.
 */
final class AggregateSpilling {
  private AggregateSpilling() {}

  static AggregateSource.Spilling of(PipelineSpec.AggregateSink sink, String name, TaskContext task) {
    List<DataType> keyTypes = sink.keys().stream().map(Expr::dataType).toList();
    List<Field> fields = new ArrayList<>();
    List<AggHashTable.OutputColumn> columns = new ArrayList<>();
    for (int i = 0; i < keyTypes.size(); i++) {
      fields.add(new Field("k" + i, keyTypes.get(i), true));
      columns.add(new AggHashTable.OutputColumn.Key(i));
    }
    List<PipelineSpec.Update> merges = new ArrayList<>();
    List<Expr> mergeKeys = new ArrayList<>();
    for (int i = 0; i < keyTypes.size(); i++) mergeKeys.add(new BoundRef(i, keyTypes.get(i), true));
    for (int i = 0; i < sink.updates().size(); i++) {
      PipelineSpec.Update u = sink.updates().get(i);
      fields.add(new Field("b" + i, u.bufferType(), true));
      columns.add(new AggHashTable.OutputColumn.Acc(i));
      BoundRef in = new BoundRef(keyTypes.size() + i, u.bufferType(), true);
      merges.add(new PipelineSpec.Update(u.kind(), in, null, u.bufferType(), true));
    }
    Schema intermediate = new Schema(fields);
    PipelineSpec.AggregateSink mergeSink = new PipelineSpec.AggregateSink(mergeKeys, merges);
    return new AggregateSource.Spilling(intermediate, columns, () -> {
      AggHashTable table = new AggHashTable(keyTypes, Accumulators.createAll(mergeSink, task.allocator()), task.allocator());
      try {
        List<PipelineSpec.Column> input = intermediate.fields().stream()
            .map(f -> new PipelineSpec.Column(f.type(), true)).toList();
        PipelineSpec spec = new PipelineSpec(name + "_merge", input, List.of(), mergeSink);
        Pipeline p = PipelineFactory.create(spec, new PipelineResources(List.of(), null, table), task.query().codegen(),
            task.query().clock());
        return new AggregateSource.Merge(table, p);
      } catch (RuntimeException | Error e) {
        table.close();
        throw e;
      }
    });
  }
}
