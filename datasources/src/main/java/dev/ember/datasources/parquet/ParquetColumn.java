package dev.ember.datasources.parquet;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import java.util.List;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A top-level column of a Parquet file and how it maps to an Ember column. A flat column is one
 * primitive field; an ARRAY column is a LIST group (or a bare repeated field) over one primitive
 * leaf, read from that leaf's repetition and definition levels as {@link #lists} describes.
 *
 * @param topLevel the top-level Parquet field (what a requested schema names)
 * @param parquetType the primitive leaf holding the values: the field itself, or a list's elements
 * @param conversion how leaf values become Ember values (of the innermost element type for lists)
 * @param leafPath the path of the leaf column chunk, from the top-level field down
 * @param lists the level layout of an ARRAY column; null for a flat column
 */
record ParquetColumn(String name, DataType type, boolean nullable, Type topLevel, PrimitiveType parquetType,
                     Conversion conversion, List<String> leafPath, ListLevels lists) {

  /** A flat (non-repeated, primitive) column. */
  static ParquetColumn flat(PrimitiveType p, DataType type, Conversion conversion) {
    return new ParquetColumn(p.getName(), type, !p.isRepetition(Type.Repetition.REQUIRED), p, p, conversion,
        List.of(p.getName()), null);
  }

  Field field() { return new Field(name, type, nullable); }

  boolean isList() { return lists != null; }

  /** The leaf chunk's path as Parquet's footer spells it ({@code a.list.element}). */
  String chunkPath() { return String.join(".", leafPath); }

  String[] leafPathArray() { return leafPath.toArray(new String[0]); }

  /** The innermost element of a list column as a flat column of its own (for its value decoder). */
  ParquetColumn element() {
    DataType t = type;
    while (t.isArray()) t = t.elementType();
    return new ParquetColumn(parquetType.getName(), t, true, parquetType, parquetType, conversion, leafPath, null);
  }
}
