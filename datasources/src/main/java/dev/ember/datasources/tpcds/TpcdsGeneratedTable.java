package dev.ember.datasources.tpcds;

import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.Projection;
import dev.ember.datasources.ScanSplit;
import io.trino.tpcds.Results;
import io.trino.tpcds.Session;
import io.trino.tpcds.Table;
import io.trino.tpcds.column.Column;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One TPC-DS table at one scale, generated on the fly by io.trino.tpcds. A split is one chunk of
 * the generator's own parallel split ({@link TpcdsSplit}), so splits are independent and
 * deterministic: the same chunk always yields the same rows. Filters are ignored (generation
 * cannot skip rows cheaply); the engine filters after the scan. Serializable as it is (a
 * generator enum, a scale and a schema), so it travels to executors with cluster tasks.
 */
public final class TpcdsGeneratedTable implements DataSourceTable, java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** Fewer rows than this per split are not worth a task of their own. */
  static final long MIN_ROWS_PER_SPLIT = 10_000;

  private final Table table;
  private final TpcdsScale scale;
  private final Schema schema;
  private final long rowCount;

  TpcdsGeneratedTable(Table table, TpcdsScale scale) {
    this.table = table;
    this.scale = scale;
    List<Field> fields = new ArrayList<>();
    for (Column c : table.getColumns()) {
      fields.add(new Field(c.getName(), TpcdsColumns.emberType(c.getType()), TpcdsColumns.nullable(table, c)));
    }
    this.schema = new Schema(fields);
    this.rowCount = TpcdsRowCounts.rows(table, scale.factor());
  }

  @Override public String name() { return "tpcds." + scale.schemaName() + "." + table.getName(); }

  @Override public Schema schema() { return schema; }

  public double scaleFactor() { return scale.factor(); }

  /** Row count: exact for dimension tables, see {@link TpcdsRowCounts} for the sales tables. */
  @Override public Statistics statistics() {
    return Statistics.of(rowCount, rowCount * estimatedRowBytes());
  }

  /** Bytes a row takes in Arrow: fixed widths plus, for text, half the declared maximum length. */
  private long estimatedRowBytes() {
    long bytes = 0;
    for (Column c : table.getColumns()) {
      bytes += switch (c.getType().getBase()) {
        case DECIMAL -> 16;
        case CHAR, VARCHAR -> 4 + c.getType().getPrecision().orElse(16) / 2;
        default -> 4;
      };
    }
    return bytes;
  }

  /** The generator's "small" tables (a handful of rows at any scale) are never split. */
  @Override public List<ScanSplit> splits(int targetSplits) {
    long bySize = Math.max(1, rowCount / MIN_ROWS_PER_SPLIT);
    int parts = table.isSmall() ? 1 : (int) Math.max(1, Math.min(targetSplits, bySize));
    List<ScanSplit> out = new ArrayList<>(parts);
    for (int p = 1; p <= parts; p++) out.add(new TpcdsSplit(table.getName(), scale.factor(), p, parts));
    return out;
  }

  @Override public BatchReader open(ScanSplit split, List<String> columns, List<Expr> filters,
                                    BufferAllocator allocator, int batchSize) {
    if (!(split instanceof TpcdsSplit s) || !s.table().equals(table.getName())
        || s.scaleFactor() != scale.factor()) {
      throw new IllegalArgumentException("not a split of " + name() + ": " + split.describe());
    }
    Projection projection = Projection.of(schema, columns, name());
    Column[] all = table.getColumns();
    int[] indexes = projection.tableIndexes();
    TpcdsColumns.Filler[] fillers = new TpcdsColumns.Filler[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      fillers[i] = TpcdsColumns.filler(all[indexes[i]], schema.field(indexes[i]).nullable());
    }
    Session session = Session.getDefaultSession()
        .withScale(s.scaleFactor())
        .withParallelism(s.partCount())
        .withChunkNumber(s.part())
        .withTable(table)
        .withNoSexism(false);
    Results rows = Results.constructResults(table, session);
    return new TpcdsBatchReader(rows.iterator(), indexes, fillers, projection.schema(), allocator, batchSize);
  }

  @Override public String toString() { return name(); }
}
