package dev.ember.codegen.pipeline;

import dev.ember.codegen.operator.AggHashTable;
import dev.ember.codegen.operator.BatchBuilder;
import dev.ember.codegen.operator.JoinHashTable;
import java.util.List;

/**
 * The run-time objects a pipeline instance writes to and probes: the join tables of its probe
 * steps (by index), and its sink's output builder or aggregation table.
 */
public record PipelineResources(List<JoinHashTable> joinTables, BatchBuilder output, AggHashTable aggregation) {
  public PipelineResources { joinTables = List.copyOf(joinTables); }
}
