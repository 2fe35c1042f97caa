package dev.ember.codegen.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.expr.AggregateCall;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.Utf8String;
import dev.ember.codegen.operator.AggHashTable;
import dev.ember.codegen.operator.BatchBuilder;
import dev.ember.codegen.operator.JoinHashTable;
import dev.ember.codegen.pipeline.PipelineSpec.Column;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.planner.physical.AggregateBuffers.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every fused operator — filter, project, join probe of each type, limit, and the aggregation
 * sink in both phases — gives the same rows generated as interpreted, on random inputs with
 * NULLs, duplicates and empty strings.
 */
class PipelineEquivalenceTest {
  private static final DataType DEC = DataType.decimal(15, 2);
  /** Input: id INT?, k BIGINT, price DECIMAL(15,2)?, name VARCHAR?, x DOUBLE. */
  private static final List<Column> INPUT = List.of(new Column(DataType.INT, true), new Column(DataType.BIGINT, false),
      new Column(DEC, true), new Column(DataType.VARCHAR, true), new Column(DataType.DOUBLE, false));
  private static final QueryClock CLOCK = QueryClock.now();

  private BufferAllocator allocator;
  private final Random random = new Random(42);

  @BeforeEach void open() { allocator = new RootAllocator(); }

  @AfterEach void close() { allocator.close(); }

  private static BoundRef ref(int i) { return new BoundRef(i, INPUT.get(i).type(), INPUT.get(i).nullable()); }

  private Object randomValue(DataType t, boolean nullable) {
    if (nullable && random.nextInt(5) == 0) return null;
    return switch (t.id()) {
      case INT -> random.nextInt(20) - 5;
      case BIGINT -> (long) random.nextInt(30);
      case DECIMAL -> (long) random.nextInt(100_000) - 20_000;
      case VARCHAR -> Utf8String.of(new String[] {"", "a", "b", "ab", "été", "日本"}[random.nextInt(6)]);
      case DOUBLE -> random.nextInt(1000) / 8.0;
      default -> throw new IllegalArgumentException(t.toString());
    };
  }

  private List<VectorSchemaRoot> randomBatches(List<Column> columns, int batches, int rows) {
    List<VectorSchemaRoot> out = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      VectorSchemaRoot root = ArrowTypes.createRoot(schema(columns), allocator);
      for (int c = 0; c < columns.size(); c++) {
        for (int r = 0; r < rows; r++) {
          ArrowValues.set(root.getVector(c), r, columns.get(c).type(), randomValue(columns.get(c).type(), columns.get(c).nullable()));
        }
        root.getVector(c).setValueCount(rows);
      }
      root.setRowCount(rows);
      out.add(root);
    }
    return out;
  }

  private static Schema schema(List<Column> columns) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) fields.add(new Field("c" + i, columns.get(i).type(), columns.get(i).nullable()));
    return new Schema(fields);
  }

  private static List<List<Object>> rows(List<VectorSchemaRoot> batches, List<Column> columns) {
    List<List<Object>> out = new ArrayList<>();
    for (VectorSchemaRoot b : batches) {
      for (int r = 0; r < b.getRowCount(); r++) {
        Object[] row = new Object[columns.size()];
        for (int c = 0; c < row.length; c++) {
          Object v = ArrowValues.get(b.getVector(c), r, columns.get(c).type());
          row[c] = v instanceof byte[] bytes ? Arrays.toString(bytes) : v;
        }
        out.add(Arrays.asList(row));
      }
    }
    return out;
  }

  /** Runs {@code spec} with an output sink; returns its rows and whether it ran generated. */
  private List<List<Object>> runToOutput(PipelineSpec spec, List<VectorSchemaRoot> input, List<JoinHashTable> tables,
      boolean codegen) {
    List<Column> layout = spec.layouts().get(spec.layouts().size() - 1);
    List<VectorSchemaRoot> produced = new ArrayList<>();
    try (BatchBuilder out = new BatchBuilder(schema(layout), allocator, 100, produced::add)) {
      Pipeline p = PipelineFactory.create(spec, new PipelineResources(tables, out, null), codegen, CLOCK);
      assertEquals(codegen, p.generated(), "pipeline should " + (codegen ? "" : "not ") + "be generated");
      for (VectorSchemaRoot b : input) {
        if (p.done()) break;
        p.process(b);
      }
      out.finish();
      return rows(produced, layout);
    } finally {
      produced.forEach(VectorSchemaRoot::close);
    }
  }

  private void assertSameOutput(PipelineSpec spec, List<JoinHashTable> tables) {
    List<VectorSchemaRoot> input = randomBatches(INPUT, 4, 250);
    try {
      List<List<Object>> generated = runToOutput(spec, input, tables, true);
      List<List<Object>> interpreted = runToOutput(spec, input, tables, false);
      assertFalse(interpreted.isEmpty(), "the test input should produce rows");
      assertEquals(interpreted, generated);
    } finally {
      input.forEach(VectorSchemaRoot::close);
    }
  }

  @Test void filterAndProject() {
    Expr cond = BinaryOp.predicate(BinaryOp.Op.OR, BinaryOp.predicate(BinaryOp.Op.GT, ref(0), Literal.ofInt(3)),
        UnaryOp.isNull(ref(3)));
    Expr sum = new BinaryOp(BinaryOp.Op.ADD, ref(1), Literal.ofLong(7), DataType.BIGINT);
    Expr upper = Call.of(Call.Fn.UPPER, DataType.VARCHAR, ref(3));
    PipelineSpec spec = new PipelineSpec("t", INPUT, List.of(new PipelineSpec.FilterStep(cond),
        new PipelineSpec.ProjectStep(List.of(sum, upper, ref(2), ref(0)))), new PipelineSpec.OutputSink());
    assertSameOutput(spec, List.of());
  }

  @Test void limitStopsBothAtTheSameRow() {
    PipelineSpec spec = new PipelineSpec("t", INPUT, List.of(
        new PipelineSpec.FilterStep(UnaryOp.isNotNull(ref(0))), new PipelineSpec.LimitStep(77)),
        new PipelineSpec.OutputSink());
    assertSameOutput(spec, List.of());
  }

  @Test void joinProbesOfEveryType() {
    List<Column> build = List.of(new Column(DataType.BIGINT, true), new Column(DataType.VARCHAR, true),
        new Column(DataType.INT, true));
    for (JoinType type : List.of(JoinType.INNER, JoinType.LEFT, JoinType.LEFT_SEMI, JoinType.LEFT_ANTI)) {
      for (boolean residual : new boolean[] {false, true}) {
        JoinHashTable table = new JoinHashTable(randomBatches(build, 2, 40), build.stream().map(Column::type).toList(),
            new int[] {0});
        try {
          // residual over probe ++ build: build.c2 < probe.id
          Expr res = residual ? BinaryOp.predicate(BinaryOp.Op.LT, new BoundRef(INPUT.size() + 2, DataType.INT, true), ref(0)) : null;
          PipelineSpec spec = new PipelineSpec("t", INPUT, List.of(
              new PipelineSpec.ProbeStep(type, 0, List.of(ref(1)), List.of(0), build, res)), new PipelineSpec.OutputSink());
          assertSameOutput(spec, List.of(table));
        } finally {
          table.close();
        }
      }
    }
  }

  @Test void chainOfLeftJoinsWithFiltersAndLimit() {
    List<Column> build = List.of(new Column(DataType.BIGINT, true), new Column(DataType.VARCHAR, true),
        new Column(DataType.INT, true));
    List<JoinHashTable> tables = new ArrayList<>();
    try {
      List<PipelineSpec.Step> steps = new ArrayList<>();
      int width = INPUT.size();
      for (int j = 0; j < 4; j++) {
        tables.add(new JoinHashTable(randomBatches(build, 2, 40), build.stream().map(Column::type).toList(), new int[] {0}));
        // residual: build.c2 < probe.id, so some probe rows match some of their key's build rows only
        Expr res = j % 2 == 0 ? BinaryOp.predicate(BinaryOp.Op.LT, new BoundRef(width + 2, DataType.INT, true), ref(0)) : null;
        steps.add(new PipelineSpec.ProbeStep(JoinType.LEFT, j, List.of(ref(1)), List.of(0), build, res));
        width += build.size();
        // a filter after the join: drops some matches (continue inside the match loop) and some NULL rows
        steps.add(new PipelineSpec.FilterStep(BinaryOp.predicate(BinaryOp.Op.OR,
            UnaryOp.isNull(new BoundRef(width - 1, DataType.INT, true)),
            BinaryOp.predicate(BinaryOp.Op.GT, new BoundRef(width - 1, DataType.INT, true), Literal.ofInt(-50)))));
      }
      steps.add(new PipelineSpec.LimitStep(5000));
      PipelineSpec spec = new PipelineSpec("t", INPUT, steps, new PipelineSpec.OutputSink());
      assertSameOutput(spec, tables);
      // The rest of the pipeline is generated once per LEFT join: the sink appears once, not 2^4 times.
      String source = PipelineGenerator.generate(spec, CLOCK).source();
      assertEquals(1, source.split("// Output", -1).length - 1, source);
    } finally {
      tables.forEach(JoinHashTable::close);
    }
  }

  @Test void multiKeyJoinWithStringKey() {
    List<Column> build = List.of(new Column(DataType.BIGINT, false), new Column(DataType.VARCHAR, true));
    JoinHashTable table = new JoinHashTable(randomBatches(build, 1, 200), List.of(DataType.BIGINT, DataType.VARCHAR),
        new int[] {0, 1});
    try {
      PipelineSpec spec = new PipelineSpec("t", INPUT, List.of(
          new PipelineSpec.ProbeStep(JoinType.INNER, 0, List.of(ref(1), ref(3)), List.of(0, 1), build, null)),
          new PipelineSpec.OutputSink());
      assertSameOutput(spec, List.of(table));
    } finally {
      table.close();
    }
  }

  private List<List<Object>> runAggregate(PipelineSpec.AggregateSink sink, List<AggHashTable.OutputColumn> columns,
      List<Column> outLayout, List<VectorSchemaRoot> input, boolean codegen) {
    List<DataType> keyTypes = sink.keys().stream().map(Expr::dataType).toList();
    List<VectorSchemaRoot> produced = new ArrayList<>();
    try (AggHashTable table = new AggHashTable(keyTypes, Accumulators.createAll(sink, allocator), allocator)) {
      PipelineSpec spec = new PipelineSpec("agg", INPUT, List.of(), sink);
      Pipeline p = PipelineFactory.create(spec, new PipelineResources(List.of(), null, table), codegen, CLOCK);
      assertEquals(codegen, p.generated());
      for (VectorSchemaRoot b : input) p.process(b);
      table.emit(columns, schema(outLayout), 64, allocator, produced::add);
      return rows(produced, outLayout);
    } finally {
      produced.forEach(VectorSchemaRoot::close);
    }
  }

  @Test void aggregationUpdatesAndMerges() {
    DataType sumDec = DataType.decimal(25, 2);
    Expr positive = BinaryOp.predicate(BinaryOp.Op.GT, ref(4), Literal.ofDouble(20.0));
    List<PipelineSpec.Update> updates = List.of(
        new PipelineSpec.Update(Kind.COUNT_ROWS, null, null, DataType.BIGINT, false),
        new PipelineSpec.Update(Kind.COUNT_VALUES, ref(2), null, DataType.BIGINT, false),
        new PipelineSpec.Update(Kind.SUM, ref(2), null, sumDec, false),
        new PipelineSpec.Update(Kind.SUM, ref(4), positive, DataType.DOUBLE, false),
        new PipelineSpec.Update(Kind.SUM, ref(1), null, DataType.BIGINT, false),
        new PipelineSpec.Update(Kind.MIN, ref(3), null, DataType.VARCHAR, false),
        new PipelineSpec.Update(Kind.MAX, ref(2), null, DEC, false),
        new PipelineSpec.Update(Kind.COUNT_VALUES, ref(1), null, DataType.BIGINT, true));
    List<Column> out = List.of(new Column(DataType.INT, true), new Column(DataType.VARCHAR, true),
        new Column(DataType.BIGINT, false), new Column(DataType.BIGINT, false), new Column(sumDec, true),
        new Column(DataType.DOUBLE, true), new Column(DataType.BIGINT, true), new Column(DataType.VARCHAR, true),
        new Column(DEC, true), new Column(DataType.BIGINT, false), new Column(DataType.decimal(19, 6), true));
    List<AggHashTable.OutputColumn> columns = new ArrayList<>();
    columns.add(new AggHashTable.OutputColumn.Key(0));
    columns.add(new AggHashTable.OutputColumn.Key(1));
    for (int i = 0; i < updates.size(); i++) columns.add(new AggHashTable.OutputColumn.Acc(i));
    columns.add(new AggHashTable.OutputColumn.Average(2, 1, DataType.decimal(19, 6)));
    for (List<Expr> keys : List.<List<Expr>>of(List.of(ref(0), ref(3)), List.of())) {
      PipelineSpec.AggregateSink sink = new PipelineSpec.AggregateSink(keys, updates);
      List<Column> layout = keys.isEmpty() ? out.subList(2, out.size()) : out;
      List<AggHashTable.OutputColumn> cols = keys.isEmpty() ? columns.subList(2, columns.size()) : columns;
      List<VectorSchemaRoot> input = randomBatches(INPUT, 3, 300);
      try {
        List<List<Object>> generated = runAggregate(sink, cols, layout, input, true);
        List<List<Object>> interpreted = runAggregate(sink, cols, layout, input, false);
        assertTrue(interpreted.size() > (keys.isEmpty() ? 0 : 10), "several groups expected");
        assertEquals(interpreted, generated);
      } finally {
        input.forEach(VectorSchemaRoot::close);
      }
    }
  }
}
