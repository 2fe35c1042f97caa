package dev.ember.datasources.parquet;

import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnReader;

/**
 * Decodes the next values of one column chunk straight into an Arrow vector: the vectorized
 * inner loop of the Parquet reader. One implementation per {@link Conversion}, each with its own
 * tight loop so the JIT sees one vector type and one getter per loop.
 *
 * <p>A value is present when its definition level equals the column's maximum; otherwise the row
 * is NULL. Flat columns have no repetition, so one value is one row; {@link ListDecoder} reads
 * repeated leaves and hands each present element to its element decoder's {@link #readValue}.
 */
abstract class ColumnDecoder {
  /**
   * Reads {@code n} rows from {@code reader} into rows 0..n-1 of {@code vector}, which was
   * allocated for at least {@code n} rows with every row NULL.
   */
  abstract void read(ColumnReader reader, int maxDefinitionLevel, FieldVector vector, int n);

  /**
   * Sets row {@code i} of {@code vector} to the reader's current value, known to be present,
   * without consuming it. The vector already has room for row {@code i} unless it is of variable
   * width (those grow themselves).
   */
  abstract void readValue(ColumnReader reader, FieldVector vector, int i);

  static ColumnDecoder forColumn(ParquetColumn column) {
    return ColumnDecoders.create(column);
  }
}
