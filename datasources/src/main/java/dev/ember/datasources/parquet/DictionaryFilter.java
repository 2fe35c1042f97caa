package dev.ember.datasources.parquet;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.DictionaryPageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.schema.MessageType;

/**
 * Skips a row group when a pushed {@code col = literal} or {@code col IN (literals)} conjunct
 * names a column whose chunk is entirely dictionary-encoded and whose dictionary holds none of the
 * literals: then no row of the group can match. Min/max statistics cannot see this when the value
 * lies inside the range ("red" between "blue" and "yellow"). A chunk with any plain-encoded page,
 * a missing dictionary or an unreadable one counts as "might match".
 */
final class DictionaryFilter {
  /** One usable conjunct: the column and the (non-null) values it must equal one of. */
  private record Wanted(ParquetColumn column, ColumnDescriptor descriptor, List<Object> values) {}

  private final List<Wanted> wanted = new ArrayList<>();

  DictionaryFilter(List<Expr> conjuncts, List<ParquetColumn> columns, MessageType fileSchema, String path) {
    for (Expr e : conjuncts) {
      Wanted w = wanted(e, columns, fileSchema);
      if (w != null) wanted.add(w);
    }
  }

  boolean isEmpty() { return wanted.isEmpty(); }

  private static Wanted wanted(Expr e, List<ParquetColumn> columns, MessageType fileSchema) {
    AttributeRef ref = null;
    List<Expr> items = null;
    if (e instanceof BinaryOp b && (b.op() == BinaryOp.Op.EQ || b.op() == BinaryOp.Op.EQ_NULL_SAFE)) {
      if (b.left() instanceof AttributeRef a && b.right() instanceof Literal) {
        ref = a;
        items = List.of(b.right());
      } else if (b.right() instanceof AttributeRef a && b.left() instanceof Literal) {
        ref = a;
        items = List.of(b.left());
      }
    } else if (e instanceof InList in && in.value() instanceof AttributeRef a) {
      ref = a;
      items = in.list();
    }
    if (ref == null) return null;
    if (e instanceof BinaryOp b && b.op() == BinaryOp.Op.EQ_NULL_SAFE && ((Literal) items.get(0)).isNull()) {
      return null; // <=> NULL is IS NULL: the dictionary holds no NULLs to look for
    }
    ParquetColumn column = find(columns, ref.name());
    if (column == null || column.isList() || !column.type().equals(ref.type()) || column.conversion() == Conversion.INT96_TIMESTAMP) return null;
    List<Object> values = new ArrayList<>();
    for (Expr item : items) {
      if (!(item instanceof Literal lit) || !lit.type().equals(ref.type())) return null;
      if (!lit.isNull()) values.add(lit.value());
    }
    return new Wanted(column, fileSchema.getColumnDescription(new String[] {column.name()}), values);
  }

  private static ParquetColumn find(List<ParquetColumn> columns, String name) {
    for (ParquetColumn c : columns) if (c.name().equals(name)) return c;
    for (ParquetColumn c : columns) if (c.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) return c;
    return null;
  }

  /** False only when some conjunct's column dictionary holds none of its values. */
  boolean mightMatch(ParquetFileReader reader, BlockMetaData block) {
    DictionaryPageReadStore dictionaries = null;
    for (Wanted w : wanted) {
      ColumnChunkMetaData chunk = chunk(block, w.column.name());
      if (chunk == null || !onlyDictionaryPages(chunk)) continue;
      try {
        if (dictionaries == null) dictionaries = reader.getDictionaryReader(block);
        DictionaryPage page = dictionaries.readDictionaryPage(w.descriptor);
        if (page == null) continue;
        Dictionary dictionary = page.getEncoding().initDictionary(w.descriptor, page);
        if (!holdsAny(dictionary, w)) return false;
      } catch (IOException | RuntimeException e) {
        // an unreadable dictionary proves nothing; the reader reports real corruption itself
      }
    }
    return true;
  }

  private static ColumnChunkMetaData chunk(BlockMetaData block, String name) {
    for (ColumnChunkMetaData c : block.getColumns()) if (c.getPath().toDotString().equals(name)) return c;
    return null;
  }

  /** Every data page dictionary-encoded: from the encoding stats, else from the encodings list. */
  @SuppressWarnings("deprecation")
  private static boolean onlyDictionaryPages(ColumnChunkMetaData chunk) {
    EncodingStats stats = chunk.getEncodingStats();
    if (stats != null) return stats.hasDictionaryPages() && !stats.hasNonDictionaryEncodedPages();
    Set<Encoding> encodings = chunk.getEncodings();
    if (!encodings.contains(Encoding.PLAIN_DICTIONARY) && !encodings.contains(Encoding.RLE_DICTIONARY)) return false;
    for (Encoding e : encodings) {
      if (e != Encoding.PLAIN_DICTIONARY && e != Encoding.RLE_DICTIONARY && e != Encoding.RLE && e != Encoding.BIT_PACKED) {
        return false;
      }
    }
    return true;
  }

  private static boolean holdsAny(Dictionary d, Wanted w) {
    for (int id = 0; id <= d.getMaxId(); id++) {
      Object raw = switch (w.descriptor.getPrimitiveType().getPrimitiveTypeName()) {
        case INT32 -> d.decodeToInt(id);
        case INT64 -> d.decodeToLong(id);
        case FLOAT -> d.decodeToFloat(id);
        case DOUBLE -> d.decodeToDouble(id);
        case BOOLEAN -> d.decodeToBoolean(id);
        default -> d.decodeToBinary(id);
      };
      Object value = ParquetValues.emberValue(w.column.conversion(), w.column.type(), raw);
      for (Object v : w.values) if (ColumnRange.compare(value, v) == 0) return true;
    }
    return false;
  }
}
