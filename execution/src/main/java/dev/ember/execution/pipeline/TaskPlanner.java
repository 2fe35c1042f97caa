package dev.ember.execution.pipeline;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AggregateCall.AggFn;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.NamedAggregate;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.expr.NamedWindow;
import dev.ember.catalyst.expr.SortOrder;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.codegen.operator.AggHashTable;
import dev.ember.codegen.operator.BatchBuilder;
import dev.ember.codegen.operator.JoinHashTable;
import dev.ember.codegen.pipeline.Accumulators;
import dev.ember.codegen.pipeline.Pipeline;
import dev.ember.codegen.pipeline.PipelineFactory;
import dev.ember.codegen.pipeline.PipelineResources;
import dev.ember.codegen.pipeline.PipelineSpec;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.execution.join.JoinBuild;
import dev.ember.execution.operator.AggregateSource;
import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.LimitSource;
import dev.ember.execution.operator.ListSource;
import dev.ember.execution.operator.PipelineSource;
import dev.ember.execution.operator.RunningWindowSource;
import dev.ember.execution.operator.WholeWindowSource;
import dev.ember.execution.operator.ScanSource;
import dev.ember.execution.operator.StopCheckSource;
import dev.ember.execution.operator.Sorts;
import dev.ember.execution.operator.WindowColumn;
import dev.ember.execution.operator.WindowSource;
import dev.ember.execution.scheduler.TaskContext;
import dev.ember.execution.shuffle.ShuffleRangeSource;
import dev.ember.planner.physical.AggMode;
import dev.ember.planner.physical.AggregateBuffers;
import dev.ember.planner.physical.HashAggregateExec;
import dev.ember.planner.physical.HashJoinExec;
import dev.ember.planner.physical.LimitExec;
import dev.ember.planner.physical.PartitionRange;
import dev.ember.planner.physical.Partitioning;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.physical.ScanExec;
import dev.ember.planner.physical.SortExec;
import dev.ember.planner.physical.StageInputExec;
import dev.ember.planner.physical.TopNExec;
import dev.ember.planner.physical.UnionExec;
import dev.ember.planner.physical.ValuesExec;
import dev.ember.planner.physical.WindowExec;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Turns one task's share of a stage plan into a tree of {@link BatchSource}s: breakers
 * (aggregation, sort, top-N, join build, offsets) pull from pipelines, and each pipeline — a
 * {@link PipelineChain} ending in an output or an aggregation — runs as generated code (or
 * interpreted where generation does not reach).
 */
public final class TaskPlanner {
  private final TaskContext task;

  public TaskPlanner(TaskContext task) { this.task = task; }

  /** The source producing partition {@code partition} of {@code node}'s output. */
  public BatchSource build(PhysicalPlan node, int partition) {
    task.query().checkRunning();
    if (node instanceof HashAggregateExec a) return aggregate(a, partition);
    if (PipelineChain.fusable(node) || (node instanceof ScanExec s && !s.filters().isEmpty())) {
      return pipeline(node, partition);
    }
    if (node instanceof ScanExec s) return scan(s, partition);
    if (node instanceof StageInputExec in) return stageInput(in, partition);
    if (node instanceof ValuesExec v) return values(v, partition);
    if (node instanceof SortExec s) {
      return Sorts.sort(build(s.child(), partition), keys(s.orders(), s.child().output()), -1, 0,
          task.allocator(), task.query().batchSize(), task.memory());
    }
    if (node instanceof TopNExec t) {
      return Sorts.sort(build(t.child(), partition), keys(t.orders(), t.child().output()), t.limit(), t.offset(),
          task.allocator(), task.query().batchSize(), task.memory());
    }
    if (node instanceof LimitExec l) return new LimitSource(build(l.child(), partition), l.limit(), l.offset(), task.allocator());
    if (node instanceof UnionExec u) return union(u, partition);
    if (node instanceof WindowExec w) return window(w, partition);
    throw EmberException.notSupported("physical operator " + node.getClass().getSimpleName());
  }

  private BatchSource union(UnionExec u, int partition) {
    int offset = 0;
    for (PhysicalPlan child : u.inputs()) {
      int n = Math.max(1, task.stage().count(child));
      if (partition < offset + n) return build(child, partition - offset);
      offset += n;
    }
    return new ListSource(List.of());
  }

  private BatchSource window(WindowExec w, int partition) {
    List<AttributeRef> in = w.child().output();
    List<Sorts.Key> partitionKeys = new ArrayList<>();
    for (AttributeRef a : w.partitionBy()) partitionKeys.add(new Sorts.Key(PipelineChain.indexOf(in, a), a.type(), true, true));
    List<WindowColumn> columns = new ArrayList<>();
    for (NamedWindow f : w.functions()) {
      List<WindowColumn.Arg> args = new ArrayList<>();
      for (Expr e : f.function().args()) {
        if (e instanceof Literal lit) args.add(WindowColumn.Arg.constant(lit.value(), lit.dataType()));
        else if (e instanceof AttributeRef a) args.add(WindowColumn.Arg.column(PipelineChain.indexOf(in, a), a.type()));
        else throw new IllegalStateException("window argument not planned as a column: " + e.display());
      }
      columns.add(new WindowColumn(f.function().fn(), args, f.frame(), f.function().type()));
    }
    List<Sorts.Key> orderKeys = keys(w.orderBy(), in);
    BatchSource input = build(w.child(), partition);
    if (RunningWindowSource.supports(partitionKeys, orderKeys, columns)) {
      // One window partition of all rows: streamed through a spilling sort instead of buffered whole.
      input = Sorts.sort(input, orderKeys, -1, 0, task.allocator(), task.query().batchSize(), task.memory());
      return new RunningWindowSource(input, orderKeys, columns, schemaOf(w.output()), task.allocator(), task.memory());
    }
    if (WholeWindowSource.supports(partitionKeys, columns)) {
      // Whole-input aggregates, NTILE, PERCENT_RANK: two passes over rows kept in memory or, once refused, in a spill file.
      if (!orderKeys.isEmpty()) {
        input = Sorts.sort(input, orderKeys, -1, 0, task.allocator(), task.query().batchSize(), task.memory());
      }
      return new WholeWindowSource(input, orderKeys, columns, schemaOf(w.output()), task.allocator(), task.memory());
    }
    boolean sorted = !partitionKeys.isEmpty();
    if (sorted) {
      // Sorted (spilling if need be), the window buffers one partition at a time instead of all rows.
      List<Sorts.Key> all = new ArrayList<>(partitionKeys);
      all.addAll(orderKeys);
      input = Sorts.sort(input, all, -1, 0, task.allocator(), task.query().batchSize(), task.memory());
    }
    return new WindowSource(input, partitionKeys, orderKeys, columns, schemaOf(w.output()), task.allocator(),
        task.query().batchSize(), task.memory(), sorted);
  }

  private BatchSource scan(ScanExec s, int partition) { return scan(s, List.of(), partition); }

  /**
   * The join tables runtime filters may be built from: a spilled join's table is an empty stand-in
   * (its rows are in spill files, joined partition by partition), so it gives no filter (null).
   */
  private static List<JoinHashTable> filterTables(List<JoinHashTable> tables, Map<Integer, JoinBuild> spilled) {
    if (spilled.isEmpty()) return tables;
    List<JoinHashTable> out = new ArrayList<>(tables);
    for (Integer j : spilled.keySet()) out.set(j, null);
    return out;
  }

  /** The chain's source; a scan also gets the runtime filters of the chain's join tables (when enabled). */
  private BatchSource source(PipelineChain chain, List<JoinHashTable> tables, int partition) {
    if (!(chain.source() instanceof ScanExec s)) return build(chain.source(), partition);
    List<Expr> hints = new ArrayList<>();
    if (task.query().runtimeFilters()) {
      hints.addAll(RuntimeFilters.forScan(chain, tables));
      hints.addAll(RuntimeFilters.partitionFilters(chain, tables, task.query()));
    }
    BatchSource scan = scan(s, hints, partition);
    long maxBuildRows = task.query().bloomMaxBuildRows();
    if (maxBuildRows < 0) return scan;
    try {
      var probes = RuntimeFilters.bloomProbes(chain, tables, maxBuildRows, task.query());
      return probes.isEmpty() ? scan
          : new BloomFilterSource(scan, probes, task.allocator(), task.query().rowsDroppedByBloomFilters());
    } catch (RuntimeException | Error e) {
      scan.close();
      throw e;
    }
  }

  /** @param runtimeFilters extra conjuncts the source may use to skip data (never applied to rows) */
  private BatchSource scan(ScanExec s, List<Expr> runtimeFilters, int partition) {
    var splits = task.stage().splits(s);
    if (partition >= splits.size()) return new ListSource(List.of());
    List<String> columns = s.output().stream().map(AttributeRef::name).toList();
    List<Expr> filters = new ArrayList<>(s.filters());
    filters.addAll(runtimeFilters);
    ScanSource scan = new ScanSource((DataSourceTable) s.table(), splits.get(partition), columns, filters,
        task.allocator(), task.query().batchSize(), task.query().rowsRead());
    var progress = task.query().progress();
    s.table().statistics().rowCount().ifPresent(rows -> progress.scanOpened(rows / Math.max(1, splits.size())));
    return new StopCheckSource(scan, task.query()::checkRunning); // a cancelled query stops within a batch
  }

  private BatchSource stageInput(StageInputExec in, int partition) {
    if (in.partitioning() instanceof Partitioning.Broadcast) {
      throw new IllegalStateException("a broadcast is read only as a join's build side");
    }
    if (!in.ranges().isEmpty()) {
      return new StopCheckSource(new ShuffleRangeSource(task.inputs(), in.stageId(), in.ranges().get(partition),
          task.query().batchSize(), task.allocator()), task.query()::checkRunning);
    }
    int p = in.partitioning() instanceof Partitioning.Single ? 0 : partition;
    return new StopCheckSource(task.inputs().open(in.stageId(), p, 0, PartitionRange.ALL_MAPS, task.allocator()),
        task.query()::checkRunning);
  }

  /** Every batch of the given shuffle partitions of {@code in}'s stage; the caller owns them. */
  private List<VectorSchemaRoot> read(StageInputExec in, List<dev.ember.planner.physical.PartitionRange> ranges) {
    List<VectorSchemaRoot> out = new ArrayList<>();
    try {
      for (var r : ranges) {
        for (int p = r.start(); p < r.end(); p++) out.addAll(task.inputs().take(in.stageId(), p, r.mapStart(), r.mapEnd()));
      }
      return out;
    } catch (RuntimeException | Error e) {
      dev.ember.execution.operator.Batches.closeAll(out);
      throw e;
    }
  }

  private BatchSource values(ValuesExec v, int partition) {
    if (partition != 0 || v.rows().isEmpty()) return new ListSource(List.of());
    Schema schema = schemaOf(v.output());
    VectorSchemaRoot root = ArrowTypes.createRoot(schema, task.allocator());
    for (int c = 0; c < schema.size(); c++) {
      DataType t = schema.field(c).type();
      for (int r = 0; r < v.rows().size(); r++) ArrowValues.set(root.getVector(c), r, t, v.rows().get(r).get(c));
      root.getVector(c).setValueCount(v.rows().size());
    }
    root.setRowCount(v.rows().size());
    return new ListSource(List.of(root));
  }

  // ---- pipelines -----------------------------------------------------------------------------

  private BatchSource pipeline(PhysicalPlan top, int partition) {
    PipelineChain chain = PipelineChain.of(top);
    if (chain.steps().isEmpty()) return source(chain, List.of(), partition);
    ChainInput in = chainInput(chain, name(top), partition);
    if (in.steps().isEmpty()) return in.source();
    BatchBuilder out = null;
    try {
      PipelineSpec spec = new PipelineSpec(name(top), in.layout(), in.steps(), new PipelineSpec.OutputSink());
      Deque<VectorSchemaRoot> ready = PipelineSource.newQueue();
      out = new BatchBuilder(schemaOf(chain.layout()), task.allocator(), task.query().batchSize(), ready::add);
      Pipeline p = in.withRowContext(PipelineFactory.create(spec, new PipelineResources(in.tables(), out, null),
          task.query().codegen(), task.query().clock()), chain);
      return new PipelineSource(in.source(), p, out, ready);
    } catch (RuntimeException | Error e) {
      if (out != null) out.close();
      in.source().close();
      throw e;
    }
  }

  /**
   * What a chain's generated code reads: its source, and the steps and column layout it runs
   * over. Normally the chain's own; when a join's build side spilled, the spilled joins run
   * partition by partition first ({@link SpilledJoins}) and the code runs the steps after them.
   */
  private record ChainInput(BatchSource source, List<JoinHashTable> tables, List<PipelineSpec.Step> steps,
                            List<PipelineSpec.Column> layout, boolean spilled) {
    /** Failing rows name their column, where the rows are still the source's (nothing spilled). */
    Pipeline withRowContext(Pipeline p, PipelineChain chain) {
      return spilled ? p : FailingRowContext.wrap(p, steps, chain.source().output());
    }
  }

  /** The join tables first, so the scan can skip what their keys rule out (runtime filters). */
  private ChainInput chainInput(PipelineChain chain, String name, int partition) {
    Map<Integer, JoinBuild> spilled = new HashMap<>();
    List<JoinHashTable> tables = joinTables(chain, partition, spilled);
    BatchSource input = source(chain, filterTables(tables, spilled), partition);
    if (spilled.isEmpty()) {
      return new ChainInput(input, tables, chain.steps(), PipelineChain.columns(chain.source().output()), false);
    }
    SpilledJoins.Rest rest = SpilledJoins.run(task, name, chain, input, tables, spilled);
    return new ChainInput(rest.input(), tables, rest.steps(), rest.layout(), true);
  }

  private BatchSource aggregate(HashAggregateExec a, int partition) {
    PipelineChain chain = PipelineChain.of(a.child());
    ChainInput input = chainInput(chain, name(a), partition);
    List<AttributeRef> layout = chain.layout();
    List<Expr> keys = new ArrayList<>();
    for (NamedExpr g : a.groupings()) keys.add(Exprs.bind(Exprs.unalias((Expr) g), layout));
    List<PipelineSpec.Update> updates = new ArrayList<>();
    List<AggHashTable.OutputColumn> columns = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) columns.add(new AggHashTable.OutputColumn.Key(i));
    int buffer = 0;
    for (NamedAggregate na : a.aggregates()) {
      List<AggregateBuffers.Buffer> buffers = AggregateBuffers.of(na.call());
      int first = updates.size();
      for (int b = 0; b < buffers.size(); b++, buffer++) {
        AggregateBuffers.Buffer buf = buffers.get(b);
        if (a.mode() == AggMode.FINAL) {
          Expr in = Exprs.bind(a.bufferAttributes().get(buffer), layout);
          updates.add(new PipelineSpec.Update(buf.kind(), in, null, buf.type(), true));
        } else {
          if (na.call().args().size() > 1) throw EmberException.notSupported(na.call().display());
          Expr in = buf.kind() == AggregateBuffers.Kind.COUNT_ROWS ? null : Exprs.bind(na.call().args().get(0), layout);
          if (in != null && buf.kind() == AggregateBuffers.Kind.SUM && buf.type().equals(DataType.DOUBLE)) {
            Expr x = Cast.to(in, DataType.DOUBLE);
            in = buf.squared() ? new BinaryOp(BinaryOp.Op.MULTIPLY, x, x, DataType.DOUBLE) : x;
          }
          Expr filter = na.call().filter() == null ? null : Exprs.bind(na.call().filter(), layout);
          updates.add(new PipelineSpec.Update(buf.kind(), in, filter, buf.type(), false));
        }
      }
      if (a.mode() == AggMode.PARTIAL) {
        for (int b = 0; b < buffers.size(); b++) columns.add(new AggHashTable.OutputColumn.Acc(first + b));
      } else if (na.call().fn() == AggFn.AVG) {
        columns.add(new AggHashTable.OutputColumn.Average(first, first + 1, na.call().type()));
      } else if (buffers.size() == 3) {
        AggFn fn = na.call().fn();
        boolean sample = fn == AggFn.STDDEV_SAMP || fn == AggFn.VAR_SAMP;
        boolean sqrt = fn == AggFn.STDDEV_SAMP || fn == AggFn.STDDEV_POP;
        columns.add(new AggHashTable.OutputColumn.Variance(first, first + 1, first + 2, sample, sqrt, na.call().type()));
      } else {
        columns.add(new AggHashTable.OutputColumn.Acc(first));
      }
    }
    PipelineSpec.AggregateSink sink = new PipelineSpec.AggregateSink(keys, updates);
    List<DataType> keyTypes = keys.stream().map(Expr::dataType).toList();
    AggHashTable table = null;
    try {
      table = new AggHashTable(keyTypes, Accumulators.createAll(sink, task.allocator()), task.allocator());
      PipelineSpec spec = new PipelineSpec(name(a), input.layout(), input.steps(), sink);
      Pipeline p = input.withRowContext(PipelineFactory.create(spec, new PipelineResources(input.tables(), null, table),
          task.query().codegen(), task.query().clock()), chain);
      return new AggregateSource(input.source(), p, table, columns, schemaOf(a.output()), task.allocator(),
          task.query().batchSize(), task.memory(), AggregateSpilling.of(sink, name(a), task, a.mode() == AggMode.PARTIAL));
    } catch (RuntimeException | Error e) {
      if (table != null) table.close();
      input.source().close();
      throw e;
    }
  }

  /**
   * Builds (or fetches, for broadcasts) the hash table of every join probed in the chain. A build
   * side too big for the task's memory goes to disk instead: its join gets an empty stand-in
   * table, and its {@link JoinBuild} is put in {@code spilled} under the join's index.
   */
  private List<JoinHashTable> joinTables(PipelineChain chain, int partition, Map<Integer, JoinBuild> spilled) {
    List<JoinHashTable> tables = new ArrayList<>();
    for (int index = 0; index < chain.joins().size(); index++) {
      HashJoinExec j = chain.joins().get(index);
      List<AttributeRef> build = j.right().output();
      int[] keyCols = j.rightKeys().stream().mapToInt(k -> PipelineChain.indexOf(build, k)).toArray();
      List<DataType> types = build.stream().map(AttributeRef::type).toList();
      boolean canSpill = SpilledJoins.canSpill(chain, index, types, keyCols);
      JoinBuild built;
      if (j.broadcast() && j.right() instanceof StageInputExec in) {
        var query = task.query();
        built = query.broadcastBuild(in.stageId(), () -> JoinBuild.broadcast(
            in.ranges().isEmpty() ? task.inputs().take(in.stageId(), 0) : read(in, in.ranges()),
            types, keyCols, canSpill, query.sharedMemory(), query.allocator(), query.spillMetrics()));
      } else {
        built = task.track(JoinBuild.read(build(j.right(), partition), types, keyCols, canSpill, task.memory(),
            task.allocator(), task.query().spillMetrics()));
      }
      if (built.spilled()) {
        spilled.put(index, built); // a broadcast too big for memory: joined partition by partition too
        tables.add(task.track(new JoinHashTable(List.of(), types, keyCols)));
      } else {
        tables.add(built.table());
      }
    }
    return tables;
  }

  private static List<Sorts.Key> keys(List<SortOrder> orders, List<AttributeRef> input) {
    List<Sorts.Key> out = new ArrayList<>();
    for (SortOrder o : orders) {
      AttributeRef a = (AttributeRef) o.expr();
      out.add(new Sorts.Key(PipelineChain.indexOf(input, a), a.type(), o.ascending(), o.nullsFirst()));
    }
    return out;
  }

  private String name(PhysicalPlan top) {
    return "s" + task.stage().stage().id() + "_" + top.getClass().getSimpleName();
  }

  public static Schema schemaOf(List<AttributeRef> attrs) {
    List<Field> fields = new ArrayList<>();
    for (AttributeRef a : attrs) fields.add(new Field(a.name(), a.type(), a.nullable()));
    return new Schema(fields);
  }
}
