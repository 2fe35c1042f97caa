package dev.ember.bench;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Ember in this process ({@code local[threads]}, or any master URL), with each table registered as
 * {@code CREATE TEMPORARY VIEW t USING parquet OPTIONS (path '…')}. A run is interrupted by
 * interrupting its thread, which cancels the query (see StreamingResult).
 */
public final class EmberEngine implements QueryEngine {
  private final Session session;
  private volatile long lastBytesShuffled;
  private volatile long lastBytesFetchedRemotely;

  public EmberEngine(Path dataDir, int threads) { this(dataDir, "local[" + threads + "]"); }

  /** Ember with {@code master} ({@code local-cluster[E,C,M]} starts its executors here). */
  public EmberEngine(Path dataDir, String master) {
    session = Session.builder().master(master).getOrCreate();
    try {
      for (String table : TpchParquetData.tableNames()) {
        try (QueryResult ignored = session.execute("CREATE TEMPORARY VIEW " + table + " USING parquet OPTIONS (path '"
            + TpchParquetData.sqlPath(TpchParquetData.file(dataDir, table)) + "')")) {
          // no rows
        }
      }
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  @Override public String name() { return "Ember"; }

  @Override public Answer run(String sql) {
    try (QueryResult result = session.execute(sql)) {
      Schema schema = result.schema();
      List<List<Object>> rows = new ArrayList<>();
      for (VectorSchemaRoot batch = result.nextBatch(); batch != null; batch = result.nextBatch()) {
        for (int r = 0; r < batch.getRowCount(); r++) {
          List<Object> row = new ArrayList<>(schema.size());
          for (int c = 0; c < schema.size(); c++) {
            DataType type = schema.field(c).type();
            row.add(CanonicalValues.fromEmber(ArrowValues.get(batch.getVector(c), r, type), type));
          }
          rows.add(row);
        }
      }
      lastBytesShuffled = result.bytesShuffled();
      lastBytesFetchedRemotely = result.bytesFetchedRemotely();
      return new Answer(schema.names(), rows);
    }
  }

  /** Bytes the last successful run's shuffles wrote ({@code QueryResult.bytesShuffled}). */
  public long lastBytesShuffled() { return lastBytesShuffled; }

  /** Shuffle bytes the last successful run's executors fetched from each other. */
  public long lastBytesFetchedRemotely() { return lastBytesFetchedRemotely; }

  @Override public void close() { session.close(); }
}
