package dev.ember.datasources.testing;

import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Builds small Arrow batches from boxed Ember values for tests. */
public final class Roots {
  private Roots() {}

  /** A batch of {@code schema} holding {@code rows} (boxed values, null for NULL); caller closes it. */
  public static VectorSchemaRoot of(Schema schema, BufferAllocator allocator, List<List<Object>> rows) {
    VectorSchemaRoot root = ArrowTypes.createRoot(schema, allocator);
    try {
      root.allocateNew();
      List<FieldVector> vectors = root.getFieldVectors();
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < schema.size(); c++) {
          ArrowValues.set(vectors.get(c), r, schema.field(c).type(), rows.get(r).get(c));
        }
      }
      for (FieldVector v : vectors) v.setValueCount(rows.size());
      root.setRowCount(rows.size());
      return root;
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }
}
