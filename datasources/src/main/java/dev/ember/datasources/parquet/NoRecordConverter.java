package dev.ember.datasources.parquet;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * The converter tree ColumnReadStoreImpl insists on (it walks a leaf's path through group
 * converters). The vectorized reader pulls values and levels from each ColumnReader itself and
 * never assembles records, so nothing is ever pushed here.
 */
final class NoRecordConverter extends GroupConverter {
  private static final PrimitiveConverter IGNORED = new PrimitiveConverter() {};

  private final Converter[] children;

  /** Converters mirroring {@code schema}: a group converter per group, an ignoring one per leaf. */
  static NoRecordConverter of(GroupType schema) { return new NoRecordConverter(schema); }

  private NoRecordConverter(GroupType type) {
    children = new Converter[type.getFieldCount()];
    for (int i = 0; i < children.length; i++) {
      Type t = type.getType(i);
      children[i] = t.isPrimitive() ? IGNORED : new NoRecordConverter(t.asGroupType());
    }
  }

  @Override public Converter getConverter(int fieldIndex) { return children[fieldIndex]; }

  @Override public void start() {}

  @Override public void end() {}
}
