package dev.ember.datasources.parquet;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import org.apache.parquet.schema.PrimitiveType;

/** A top-level primitive column of a Parquet file and how it maps to an Ember column. */
record ParquetColumn(String name, DataType type, boolean nullable, PrimitiveType parquetType,
                     Conversion conversion) {
  Field field() { return new Field(name, type, nullable); }
}
