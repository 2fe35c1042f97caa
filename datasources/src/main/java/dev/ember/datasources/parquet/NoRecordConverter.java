package dev.ember.datasources.parquet;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * The converter ColumnReadStoreImpl insists on. The vectorized reader pulls values from each
 * ColumnReader itself and never assembles records, so nothing is ever pushed here.
 */
final class NoRecordConverter extends GroupConverter {
  static final NoRecordConverter INSTANCE = new NoRecordConverter();
  private static final PrimitiveConverter IGNORED = new PrimitiveConverter() {};

  private NoRecordConverter() {}

  @Override public Converter getConverter(int fieldIndex) { return IGNORED; }

  @Override public void start() {}

  @Override public void end() {}
}
