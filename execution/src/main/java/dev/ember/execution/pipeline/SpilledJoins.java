package dev.ember.execution.pipeline;

import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.codegen.operator.BatchBuilder;
import dev.ember.codegen.operator.JoinHashTable;
import dev.ember.codegen.pipeline.Pipeline;
import dev.ember.codegen.pipeline.PipelineFactory;
import dev.ember.codegen.pipeline.PipelineResources;
import dev.ember.codegen.pipeline.PipelineSpec;
import dev.ember.codegen.pipeline.PipelineSpec.Column;
import dev.ember.execution.join.GraceJoinSource;
import dev.ember.execution.join.JoinBuild;
import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.PipelineSource;
import dev.ember.execution.scheduler.TaskContext;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs a pipeline chain whose joins' build sides went to disk: the chain is cut before each such
 * join's probe step; the steps before it run as a pipeline of their own, the join runs as a
 * {@link GraceJoinSource}, and the steps after it continue from the joined rows. What is left
 * after the last spilled join ({@link Rest}) is run by the caller as usual.
 */
final class SpilledJoins {
  /** The input and the steps still to run on it, with the layout of that input. */
  record Rest(BatchSource input, List<PipelineSpec.Step> steps, List<Column> layout) {}

  private SpilledJoins() {}

  /** Whether join {@code table} of {@code chain} can be joined partition by partition. */
  static boolean canSpill(PipelineChain chain, int table, List<DataType> buildTypes, int[] buildKeys) {
    PipelineSpec.ProbeStep step = probeStep(chain.steps(), table);
    if (step == null) return false;
    JoinType t = step.joinType();
    if (t != JoinType.INNER && t != JoinType.LEFT && t != JoinType.LEFT_SEMI && t != JoinType.LEFT_ANTI) return false;
    for (int k = 0; k < step.keys().size(); k++) {
      // both sides are split by the same hash of the same types, or matching rows would part
      if (!(step.keys().get(k) instanceof BoundRef r) || !r.type().equals(buildTypes.get(buildKeys[k]))) return false;
    }
    return true;
  }

  private static PipelineSpec.ProbeStep probeStep(List<PipelineSpec.Step> steps, int table) {
    for (PipelineSpec.Step s : steps) if (s instanceof PipelineSpec.ProbeStep p && p.table() == table) return p;
    return null;
  }

  /**
   * @param tables the chain's join tables (an empty stand-in for each spilled one)
   * @param spilled the spilled builds by join index
   */
  static Rest run(TaskContext task, String name, PipelineChain chain, BatchSource input, List<JoinHashTable> tables,
      Map<Integer, JoinBuild> spilled) {
    List<PipelineSpec.Step> steps = chain.steps();
    List<List<Column>> layouts = new PipelineSpec(name, PipelineChain.columns(chain.source().output()), steps,
        new PipelineSpec.OutputSink()).layouts();
    int from = 0;
    for (int s = 0; s < steps.size(); s++) {
      if (!(steps.get(s) instanceof PipelineSpec.ProbeStep probe) || !spilled.containsKey(probe.table())) continue;
      if (from < s) {
        input = pipeline(task, name + "_pre" + s, input, layouts.get(from), steps.subList(from, s), layouts.get(s), tables);
      }
      input = grace(task, name + "_grace" + s, input, probe, layouts.get(s), layouts.get(s + 1), tables,
          spilled.get(probe.table()));
      from = s + 1;
    }
    return new Rest(input, steps.subList(from, steps.size()), layouts.get(from));
  }

  private static BatchSource pipeline(TaskContext task, String name, BatchSource input, List<Column> in,
      List<PipelineSpec.Step> steps, List<Column> outLayout, List<JoinHashTable> tables) {
    Deque<VectorSchemaRoot> ready = PipelineSource.newQueue();
    BatchBuilder out = new BatchBuilder(schema(outLayout), task.allocator(), task.query().batchSize(), ready::add);
    try {
      Pipeline p = PipelineFactory.create(new PipelineSpec(name, in, steps, new PipelineSpec.OutputSink()),
          new PipelineResources(tables, out, null), task.query().codegen(), task.query().clock());
      return new PipelineSource(input, p, out, ready);
    } catch (RuntimeException | Error e) {
      out.close();
      input.close();
      throw e;
    }
  }

  private static BatchSource grace(TaskContext task, String name, BatchSource input, PipelineSpec.ProbeStep probe,
      List<Column> in, List<Column> joined, List<JoinHashTable> tables, JoinBuild build) {
    Deque<VectorSchemaRoot> ready = PipelineSource.newQueue();
    BatchBuilder out = new BatchBuilder(schema(joined), task.allocator(), task.query().batchSize(), ready::add);
    int[] probeKeys = probe.keys().stream().mapToInt(k -> ((BoundRef) k).ordinal()).toArray();
    int[] buildKeys = probe.buildKeyColumns().stream().mapToInt(Integer::intValue).toArray();
    List<DataType> buildTypes = probe.build().stream().map(Column::type).toList();
    PipelineSpec spec = new PipelineSpec(name, in, List.of(probe), new PipelineSpec.OutputSink());
    return new GraceJoinSource(input, probeKeys, build, buildTypes, buildKeys, table -> {
      List<JoinHashTable> withTable = new ArrayList<>(tables);
      withTable.set(probe.table(), table);
      return PipelineFactory.create(spec, new PipelineResources(withTable, out, null), task.query().codegen(),
          task.query().clock());
    }, out, ready, task.memory(), task.allocator(), task.query().spillMetrics());
  }

  /** An Arrow-ready schema for an intermediate layout (its column names are never shown). */
  static Schema schema(List<Column> layout) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < layout.size(); i++) fields.add(new Field("c" + i, layout.get(i).type(), layout.get(i).nullable()));
    return new Schema(fields);
  }
}
