package dev.ember.it.dataframe;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ember.api.DataFrame;
import dev.ember.bench.CanonicalValues;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.it.DuckDbRunner;
import dev.ember.it.OrderSpec;
import dev.ember.it.QueryRows;
import dev.ember.it.ResultComparator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Asks DuckDB a question in SQL and Ember the same question as a DataFrame, and fails when the
 * answers differ (order as the SQL's ORDER BY promises, see {@link OrderSpec}). Ember's rows are
 * read through {@link DataFrame#toArrow()}, so every comparison also exercises the Arrow stream.
 */
final class DataFrameOracle {
  private final Connection duck;

  DataFrameOracle(Connection duck) { this.duck = duck; }

  void assertSame(String label, String duckSql, DataFrame df) {
    QueryRows expected;
    try {
      expected = DuckDbRunner.query(duck, duckSql);
    } catch (SQLException e) {
      throw new IllegalStateException(label + ": DuckDB failed (the test is wrong, not Ember)", e);
    }
    OrderSpec order = OrderSpec.of(duckSql, expected.columns());
    QueryRows actual = rows(df);
    Optional<String> mismatch = ResultComparator.compare(expected, actual, order);
    mismatch.ifPresent(m -> fail(label + ": the DataFrame's answer differs from DuckDB's: " + m));
  }

  /** The DataFrame's rows in canonical values, read from its Arrow stream. */
  static QueryRows rows(DataFrame df) {
    Schema schema = df.schema();
    List<List<Object>> rows = new ArrayList<>();
    try (ArrowReader reader = df.toArrow()) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot b = reader.getVectorSchemaRoot();
        for (int r = 0; r < b.getRowCount(); r++) {
          List<Object> row = new ArrayList<>();
          for (int c = 0; c < schema.size(); c++) {
            DataType t = schema.field(c).type();
            row.add(CanonicalValues.fromEmber(ArrowValues.get(b.getVector(c), r, t), t));
          }
          rows.add(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new QueryRows(schema.names(), rows);
  }
}
