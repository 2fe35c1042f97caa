package dev.ember.datasources.tpch;

import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.Projection;
import dev.ember.datasources.ScanSplit;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One TPC-H table at one scale, generated on the fly by io.trino.tpch. A split is a part of the
 * generator ({@code createGenerator(scale, part, partCount)}), so splits are independent and
 * deterministic: the same part always yields the same rows. Filters are ignored (generation
 * cannot skip rows cheaply); the engine filters after the scan.
 */
public final class TpchGeneratedTable implements DataSourceTable, java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** Fewer rows than this per split are not worth a task of their own. */
  static final long MIN_ROWS_PER_SPLIT = 10_000;

  private final TpchTable<?> table;
  private final TpchScale scale;
  private final Schema schema;
  private final long rowCount;

  TpchGeneratedTable(TpchTable<?> table, TpchScale scale) {
    this.table = table;
    this.scale = scale;
    List<Field> fields = new ArrayList<>();
    for (TpchColumn<?> c : table.getColumns()) {
      fields.add(new Field(c.getColumnName(), TpchColumns.emberType(c.getType()), false));
    }
    this.schema = new Schema(fields);
    this.rowCount = TpchRowCounts.rows(table.getTableName(), scale.factor());
  }

  @Override public String name() { return "tpch." + scale.schemaName() + "." + table.getTableName(); }

  @Override public Schema schema() { return schema; }

  public double scaleFactor() { return scale.factor(); }

  /**
   * Exact row count (lineitem: exact at the usual scales, else an estimate) and the column
   * statistics the specification implies ({@link TpchColumnStats}).
   */
  @Override public Statistics statistics() {
    java.util.Map<String, DataType> types = new java.util.HashMap<>();
    for (Field f : schema.fields()) types.put(f.name(), f.type());
    return Statistics.of(rowCount, rowCount * estimatedRowBytes())
        .withColumns(TpchColumnStats.of(table.getTableName(), scale.factor(), types));
  }

  /** Bytes a row takes in Arrow: fixed widths plus, for text, half the declared maximum length. */
  private long estimatedRowBytes() {
    long bytes = 0;
    List<? extends TpchColumn<?>> columns = table.getColumns();
    for (int i = 0; i < columns.size(); i++) {
      DataType t = schema.field(i).type();
      bytes += switch (t.id()) {
        case BIGINT -> 8;
        case DECIMAL -> 16;
        case VARCHAR -> 4 + columns.get(i).getType().getPrecision().orElse(16L) / 2;
        default -> 4;
      };
    }
    return bytes;
  }

  @Override public List<ScanSplit> splits(int targetSplits) {
    boolean partitionable = !table.getTableName().equals("nation") && !table.getTableName().equals("region");
    long bySize = Math.max(1, rowCount / MIN_ROWS_PER_SPLIT);
    int parts = partitionable ? (int) Math.max(1, Math.min(targetSplits, bySize)) : 1;
    List<ScanSplit> out = new ArrayList<>(parts);
    for (int p = 1; p <= parts; p++) {
      out.add(new TpchSplit(table.getTableName(), scale.factor(), p, parts));
    }
    return out;
  }

  @Override public BatchReader open(ScanSplit split, List<String> columns, List<Expr> filters,
                                    BufferAllocator allocator, int batchSize) {
    if (!(split instanceof TpchSplit s) || !s.table().equals(table.getTableName())
        || s.scaleFactor() != scale.factor()) {
      throw new IllegalArgumentException("not a split of " + name() + ": " + split.describe());
    }
    return reader(table, s, Projection.of(schema, columns, name()), allocator, batchSize);
  }

  private static <E extends TpchEntity> BatchReader reader(
      TpchTable<E> table, TpchSplit split, Projection projection, BufferAllocator allocator, int batchSize) {
    List<TpchColumn<E>> all = table.getColumns();
    List<TpchColumn<E>> read = new ArrayList<>(projection.size());
    for (int index : projection.tableIndexes()) read.add(all.get(index));
    Iterable<E> rows = TpchGenerators.create(table, split.scaleFactor(), split.part(), split.partCount(),
        TpchGenerators.anyReadsTextPool(read));
    List<TpchColumns.Filler<E>> fillers = new ArrayList<>(read.size());
    for (TpchColumn<E> c : read) fillers.add(TpchColumns.filler(c));
    return new TpchBatchReader<>(rows.iterator(), fillers, projection.schema(), allocator, batchSize);
  }

  @Override public String toString() { return name(); }

  /** Travels as its handle (table name and scale); the executor rebuilds the generator from it. */
  private Object writeReplace() { return new Handle(table.getTableName(), scale.schemaName(), scale.factor()); }

  /** What a generated table is on the wire: enough to generate the same rows anywhere. */
  private record Handle(String table, String schemaName, double factor) implements java.io.Serializable {
    private Object readResolve() {
      return new TpchGeneratedTable(TpchTable.getTable(table), new TpchScale(schemaName, factor));
    }
  }
}
