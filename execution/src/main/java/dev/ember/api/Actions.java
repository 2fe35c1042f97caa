package dev.ember.api;

import static dev.ember.api.ColumnSql.ident;

import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The actions that run a DataFrame's plan and bring its rows to the caller. */
final class Actions {
  private Actions() {}

  static List<Row> collect(DataFrame df) {
    List<Row> rows = new ArrayList<>();
    try (QueryResult r = df.state.runQuery(df.query())) {
      for (VectorSchemaRoot b = r.nextBatch(); b != null; b = r.nextBatch()) rows.addAll(rows(b, r.schema()));
    }
    return rows;
  }

  static long count(DataFrame df) {
    DataFrame counted = df.compile(List.of(df.input()), "SELECT COUNT(*) AS " + ident("count") + " FROM " + ident(DataFrame.IN));
    return counted.collectAsList().get(0).getLong(0);
  }

  /** The rows of one result batch, values in their Java forms. */
  static List<Row> rows(VectorSchemaRoot batch, Schema schema) {
    List<Row> out = new ArrayList<>(batch.getRowCount());
    int n = schema.size();
    for (int r = 0; r < batch.getRowCount(); r++) {
      Object[] values = new Object[n];
      for (int c = 0; c < n; c++) {
        values[c] = RowValues.toJava(ArrowValues.get(batch.getVector(c), r, schema.field(c).type()), schema.field(c).type());
      }
      out.add(new Row(schema, values));
    }
    return out;
  }
}
