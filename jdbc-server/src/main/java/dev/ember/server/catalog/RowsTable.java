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
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A small table computed when a query reads it (the information_schema and pg_catalog tables):
 * its schema is known up front, its rows (boxed Ember values) are computed on the first scan and
 * kept for the table's other scans in the same query, so a self-join sees one state.
 * The rows are computed lazily because pg_attribute lists the columns of every table, its own
 * included: resolving a name must not compute rows.
 */
final class RowsTable implements DataSourceTable {
  private final String name;
  private final Schema schema;
  private final Supplier<List<Object[]>> source;
  private List<Object[]> rows;

  /** The single split of such a table. */
  record Whole(String table) implements ScanSplit {
    @Override public String describe() { return table; }
  }

  RowsTable(String name, Schema schema, List<Object[]> rows) {
    this(name, schema, () -> rows);
  }

  RowsTable(String name, Schema schema, Supplier<List<Object[]>> rows) {
    this.name = name;
    this.schema = schema;
    this.source = rows;
  }

  @Override public String name() { return name; }

  @Override public Schema schema() { return schema; }

  /** The rows, computed on first use. */
  synchronized List<Object[]> rows() {
    if (rows == null) rows = List.copyOf(source.get());
    return rows;
  }

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
    List<Object[]> all = rows();
    int step = Math.max(1, batchSize);
    return new BatchReader() {
      private int next;

      @Override public VectorSchemaRoot next() {
        if (next >= all.size()) return null;
        int end = Math.min(all.size(), next + step);
        VectorSchemaRoot root = ArrowTypes.createRoot(out, allocator);
        try {
          for (int c = 0; c < fields.size(); c++) {
            for (int r = next; r < end; r++) {
              ArrowValues.set(root.getVector(c), r - next, fields.get(c).type(), all.get(r)[index[c]]);
            }
            root.getVector(c).setValueCount(end - next);
          }
          root.setRowCount(end - next);
        } catch (RuntimeException e) {
          root.close();
          throw e;
        }
        next = end;
        return root;
      }

      @Override public void close() { }
    };
  }
}
