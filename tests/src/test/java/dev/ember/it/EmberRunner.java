package dev.ember.it;

import dev.ember.bench.CanonicalValues;
import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs a query on Ember and returns its answer in canonical values: {@code Session.sql}, then
 * every Arrow batch read with {@link ArrowValues#get}. The result is closed before returning.
 */
public final class EmberRunner {
  private EmberRunner() {}

  public static QueryRows query(Session session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      return read(result);
    }
  }

  /** Reads every row of {@code result} (which the caller still closes). */
  public static QueryRows read(QueryResult result) {
    {
      Schema schema = result.schema();
      List<List<Object>> rows = new ArrayList<>();
      for (VectorSchemaRoot batch = result.nextBatch(); batch != null; batch = result.nextBatch()) {
        if (batch.getFieldVectors().size() != schema.size()) {
          throw new AssertionError("batch has " + batch.getFieldVectors().size() + " columns, schema " + schema);
        }
        for (int r = 0; r < batch.getRowCount(); r++) {
          List<Object> row = new ArrayList<>(schema.size());
          for (int c = 0; c < schema.size(); c++) {
            DataType type = schema.field(c).type();
            row.add(CanonicalValues.fromEmber(ArrowValues.get(batch.getVector(c), r, type), type));
          }
          rows.add(row);
        }
      }
      return new QueryRows(schema.names(), rows);
    }
  }

  /** Runs a statement that returns no rows (CREATE VIEW, SET, …) and closes its result. */
  public static void execute(Session session, String sql) {
    try (QueryResult ignored = session.execute(sql)) {
      // nothing to read
    }
  }
}
