package dev.ember.datasources.tpcds;

import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.arrow.ArrowTypes;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Pulls rows from one generator chunk and writes the wanted columns into fresh Arrow batches.
 * The generator yields each row as a list of column texts (null for NULL); {@code tableIndexes}
 * picks the wanted ones and each {@link TpcdsColumns.Filler} parses its text into the vector.
 */
final class TpcdsBatchReader implements BatchReader {
  private final Iterator<List<List<String>>> rows;
  private final int[] tableIndexes;
  private final TpcdsColumns.Filler[] fillers;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final int batchSize;

  TpcdsBatchReader(Iterator<List<List<String>>> rows, int[] tableIndexes, TpcdsColumns.Filler[] fillers,
                   Schema schema, BufferAllocator allocator, int batchSize) {
    if (batchSize < 1) throw new IllegalArgumentException("batchSize " + batchSize);
    this.rows = rows;
    this.tableIndexes = tableIndexes;
    this.fillers = fillers;
    this.schema = schema;
    this.allocator = allocator;
    this.batchSize = batchSize;
  }

  @Override public VectorSchemaRoot next() {
    if (!rows.hasNext()) return null;
    VectorSchemaRoot root = ArrowTypes.allocateRoot(schema, allocator, batchSize);
    try {
      FieldVector[] vs = root.getFieldVectors().toArray(new FieldVector[0]);
      int n = 0;
      while (n < batchSize && rows.hasNext()) {
        // A generated row comes wrapped with room for child rows; element 0 is this table's row.
        List<String> row = rows.next().get(0);
        for (int c = 0; c < vs.length; c++) fillers[c].fill(row.get(tableIndexes[c]), vs[c], n);
        n++;
      }
      for (FieldVector v : vs) v.setValueCount(n);
      root.setRowCount(n);
      return root;
    } catch (RuntimeException | Error e) {
      root.close();
      throw e;
    }
  }

  @Override public void close() {}
}
