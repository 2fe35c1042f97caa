package dev.ember.it.slt;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.it.EmberViews;
import dev.ember.it.TpchData;
import dev.ember.bench.CanonicalValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Ember as an {@link SltEngine}: a fresh {@link Session} ({@code local[2]}, its own catalog
 * directory) with the TPC-H SF 0.01 tables as Parquet temporary views.
 */
final class EmberEngine implements SltEngine {
  private final Session session;

  EmberEngine(Path catalogDir) {
    session = Session.builder().master("local[2]").config("ember.catalog.dir", catalogDir.toString()).getOrCreate();
    try {
      EmberViews.parquet(session, TpchData.TINY);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  @Override public String name() { return "ember"; }

  @Override public Outcome run(String sql) {
    try (QueryResult result = session.execute(sql)) {
      Schema schema = result.schema();
      StringBuilder types = new StringBuilder();
      for (int c = 0; c < schema.size(); c++) types.append(SltTypes.ofEmber(schema.field(c).type()));
      List<List<String>> rows = new ArrayList<>();
      if (result.hasRows()) {
        for (VectorSchemaRoot batch = result.nextBatch(); batch != null; batch = result.nextBatch()) {
          for (int r = 0; r < batch.getRowCount(); r++) {
            List<String> row = new ArrayList<>(schema.size());
            for (int c = 0; c < schema.size(); c++) {
              DataType type = schema.field(c).type();
              row.add(SltText.render(CanonicalValues.fromEmber(ArrowValues.get(batch.getVector(c), r, type), type)));
            }
            rows.add(row);
          }
        }
      }
      return new Rows(types.toString(), rows);
    } catch (EmberException e) {
      boolean user = !EmberException.INTERNAL_ERROR.equals(e.sqlState());
      return new Failure(user, e.sqlState() + ": " + e.describe());
    } catch (RuntimeException | Error e) {
      return new Failure(false, "not an EmberException: " + e);
    }
  }

  @Override public void close() { session.close(); }
}
