package dev.ember.server.catalog;

import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.ScanSplit;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A small table computed when a query names it (the information_schema views): its rows are
 * taken at resolution time and read as one batch, so ordinary SQL over it works.
 */
final class RowsTable implements DataSourceTable {
  private final String name;
  private final Schema schema;
  private final List<Object[]> rows;

  /** The single split of such a table. */
  record Whole(String table) implements ScanSplit {
    @Override public String describe() { return table; }
  }

  RowsTable(String name, Schema schema, List<Object[]> rows) {
    this.name = name;
    this.schema = schema;
    this.rows = List.copyOf(rows);
  }

  @Override public String name() { return name; }

  @Override public Schema schema() { return schema; }

  @Override public List<ScanSplit> splits(int targetSplits) { return List.of(new Whole(name)); }

  @Override public BatchReader open(ScanSplit split, List<String> columns, List<Expr> filters,
      BufferAllocator allocator, int batchSize) {
    List<Field> fields = new ArrayList<>();
    int[] index = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      index[i] = schema.indexOf(columns.get(i));
      fields.add(schema.field(index[i]));
    }
    Schema out = new Schema(fields);
    return new BatchReader() {
      private boolean done;

      @Override public VectorSchemaRoot next() {
        if (done || rows.isEmpty()) return null;
        done = true;
        VectorSchemaRoot root = ArrowTypes.createRoot(out, allocator);
        for (int c = 0; c < fields.size(); c++) {
          for (int r = 0; r < rows.size(); r++) {
            ArrowValues.set(root.getVector(c), r, fields.get(c).type(), rows.get(r)[index[c]]);
          }
          root.getVector(c).setValueCount(rows.size());
        }
        root.setRowCount(rows.size());
        return root;
      }

      @Override public void close() { }
    };
  }
}
