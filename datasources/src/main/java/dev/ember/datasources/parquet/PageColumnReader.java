package dev.ember.datasources.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.Set;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/**
 * Reads one flat column chunk page by page straight into Arrow buffers, for the common shapes:
 * INT32/INT64/FLOAT/DOUBLE (with DATE and DECIMAL(p ≤ 18) annotations) and BINARY strings, PLAIN
 * or dictionary encoded, in v1 or v2 data pages. A page's definition levels and dictionary ids are
 * decoded whole ({@link HybridDecoder}); a PLAIN page without NULLs is one memory copy. Parquet-MR
 * still reads and decompresses the pages; other shapes go through its {@code ColumnReader}.
 */
final class PageColumnReader {
  /** How values land in the vector. */
  private enum Target {
    /** 4-byte slots (INT, DATE, FLOAT): raw little-endian copy. */
    WIDTH4,
    /** 8-byte slots (BIGINT, DOUBLE). */
    WIDTH8,
    /** DECIMAL(p ≤ 18) from INT32: sign-extended into 16-byte slots. */
    DECIMAL_FROM_INT32,
    /** DECIMAL(p ≤ 18) from INT64: sign-extended into 16-byte slots. */
    DECIMAL_FROM_INT64,
    /** VARCHAR/VARBINARY from BINARY. */
    BINARY
  }

  private static final Set<Encoding> SUPPORTED =
      EnumSet.of(Encoding.PLAIN, Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY, Encoding.RLE);

  private final PageReader pages;
  private final Target target;
  private final int maxDef;
  private final int defWidth;

  // dictionary (fixed width values as longs; binary as one array with offsets)
  private long[] dictLongs;
  private byte[] dictBytes;
  private int[] dictOffsets;

  // the current page
  private int pageRemaining;
  private int[] levels = new int[0];
  private boolean allDefined;
  private int levelPos;
  private ByteBuffer plain;
  private boolean dictionaryPage;
  private int[] ids = new int[0];
  private int idPos;

  private PageColumnReader(PageReader pages, Target target, int maxDef) {
    this.pages = pages;
    this.target = target;
    this.maxDef = maxDef;
    this.defWidth = HybridDecoder.bitWidth(maxDef);
    DictionaryPage dict = pages.readDictionaryPage();
    if (dict != null) readDictionary(dict);
  }

  /** A reader for {@code column}'s chunk, or null when its shape needs Parquet-MR's ColumnReader. */
  static PageColumnReader open(ParquetColumn column, ColumnDescriptor descriptor, ColumnChunkMetaData chunk,
      PageReader pages) {
    Target target = targetOf(column);
    if (target == null || descriptor.getMaxRepetitionLevel() != 0 || descriptor.getMaxDefinitionLevel() > 1) return null;
    if (chunk == null || !SUPPORTED.containsAll(chunk.getEncodings())) return null;
    return new PageColumnReader(pages, target, descriptor.getMaxDefinitionLevel());
  }

  /** Whether {@link #open} could read {@code column} (given supported encodings). */
  static boolean supports(ParquetColumn column) { return targetOf(column) != null; }

  private static Target targetOf(ParquetColumn c) {
    if (c.isList()) return null;
    return switch (c.conversion()) {
      case INT32, DATE, FLOAT -> Target.WIDTH4;
      case INT64, DOUBLE -> Target.WIDTH8;
      case DECIMAL_INT32 -> c.type().isLongDecimal() ? Target.DECIMAL_FROM_INT32 : null;
      case DECIMAL_INT64 -> c.type().isLongDecimal() ? Target.DECIMAL_FROM_INT64 : null;
      case STRING, BYTES -> Target.BINARY;
      default -> null;
    };
  }

  private void readDictionary(DictionaryPage page) {
    ByteBuffer in = bytes(page.getBytes());
    int n = page.getDictionarySize();
    if (target == Target.BINARY) {
      dictOffsets = new int[n + 1];
      dictBytes = new byte[Math.max(0, in.remaining() - 4 * n)];
      int at = 0;
      for (int i = 0; i < n; i++) {
        int len = in.getInt();
        in.get(dictBytes, at, len);
        at += len;
        dictOffsets[i + 1] = at;
      }
      return;
    }
    dictLongs = new long[n];
    boolean four = target == Target.WIDTH4 || target == Target.DECIMAL_FROM_INT32;
    for (int i = 0; i < n; i++) dictLongs[i] = four ? in.getInt() : in.getLong();
  }

  private static ByteBuffer bytes(org.apache.parquet.bytes.BytesInput b) {
    try {
      return b.toByteBuffer().slice().order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Reads the next {@code n} rows into rows 0..n-1 of {@code vector} (allocated, all NULL). */
  void read(FieldVector vector, int n) {
    int filled = 0;
    while (filled < n) {
      if (pageRemaining == 0) nextPage();
      int k = Math.min(n - filled, pageRemaining);
      if (target == Target.BINARY) {
        copyBinary((BaseVariableWidthVector) vector, filled, k);
      } else {
        copyFixed((BaseFixedWidthVector) vector, filled, k);
      }
      filled += k;
      pageRemaining -= k;
      levelPos += k;
    }
  }

  private boolean defined(int j) { return allDefined || levels[levelPos + j] == maxDef; }

  private void copyFixed(BaseFixedWidthVector v, int at, int k) {
    ArrowBuf data = v.getDataBuffer(), validity = v.getValidityBuffer();
    if (allDefined) setBits(validity, at, k);
    if (!dictionaryPage && allDefined && (target == Target.WIDTH4 || target == Target.WIDTH8)) {
      int w = target == Target.WIDTH4 ? 4 : 8;
      int from = plain.position();
      data.setBytes((long) at * w, plain, from, k * w);
      plain.position(from + k * w);
      return;
    }
    for (int j = 0; j < k; j++) {
      if (!defined(j)) continue;
      int row = at + j;
      if (!allDefined) BitVectorHelper.setBit(validity, row);
      switch (target) {
        case WIDTH4 -> data.setInt((long) row * 4, dictionaryPage ? (int) dictLongs[ids[idPos++]] : plain.getInt());
        case WIDTH8 -> data.setLong((long) row * 8, dictionaryPage ? dictLongs[ids[idPos++]] : plain.getLong());
        default -> {
          long u = dictionaryPage ? dictLongs[ids[idPos++]]
              : target == Target.DECIMAL_FROM_INT32 ? plain.getInt() : plain.getLong();
          data.setLong((long) row * 16, u);
          data.setLong((long) row * 16 + 8, u >> 63);
        }
      }
    }
  }

  /**
   * Strings: offsets, bytes and validity written directly (NULL rows get an empty slot), the data
   * buffer grown by doubling when a value does not fit.
   */
  private void copyBinary(BaseVariableWidthVector v, int at, int k) {
    ArrowBuf offsets = v.getOffsetBuffer(), validity = v.getValidityBuffer();
    ArrowBuf data = v.getDataBuffer();
    long capacity = data.capacity();
    int end = offsets.getInt((long) at * 4);
    for (int j = 0; j < k; j++) {
      int row = at + j;
      if (defined(j)) {
        int len;
        if (dictionaryPage) {
          int id = ids[idPos++];
          int start = dictOffsets[id];
          len = dictOffsets[id + 1] - start;
          if (end + len > capacity) {
            v.reallocDataBuffer(Math.max(capacity * 2, end + len));
            data = v.getDataBuffer();
            capacity = data.capacity();
          }
          data.setBytes(end, dictBytes, start, len);
        } else {
          len = plain.getInt();
          int from = plain.position();
          if (end + len > capacity) {
            v.reallocDataBuffer(Math.max(capacity * 2, end + len));
            data = v.getDataBuffer();
            capacity = data.capacity();
          }
          data.setBytes(end, plain, from, len);
          plain.position(from + len);
        }
        end += len;
        BitVectorHelper.setBit(validity, row);
      }
      offsets.setInt((long) (row + 1) * 4, end);
    }
    v.setLastSet(at + k - 1);
  }

  /** Sets validity bits at..at+k-1, whole bytes at a time where it can. */
  private static void setBits(ArrowBuf validity, int at, int k) {
    int i = at, end = at + k;
    while (i < end && (i & 7) != 0) BitVectorHelper.setBit(validity, i++);
    while (i + 8 <= end) {
      validity.setByte(i >>> 3, 0xFF);
      i += 8;
    }
    while (i < end) BitVectorHelper.setBit(validity, i++);
  }

  private void nextPage() {
    DataPage page = pages.readPage();
    if (page == null) throw new IllegalStateException("column chunk ended before its row group");
    int count = page.getValueCount();
    ByteBuffer values;
    Encoding encoding;
    if (page instanceof DataPageV1 v1) {
      ByteBuffer all = bytes(v1.getBytes());
      if (maxDef > 0) {
        if (v1.getDlEncoding() != Encoding.RLE) throw new IllegalStateException("definition levels " + v1.getDlEncoding());
        int len = all.getInt();
        ByteBuffer levelBytes = all.slice().order(ByteOrder.LITTLE_ENDIAN);
        levelBytes.limit(len);
        decodeLevels(levelBytes, count);
        all.position(all.position() + len);
      } else {
        allDefined = true;
      }
      values = all.slice().order(ByteOrder.LITTLE_ENDIAN);
      encoding = v1.getValueEncoding();
    } else {
      DataPageV2 v2 = (DataPageV2) page;
      if (maxDef > 0 && v2.getNullCount() > 0) {
        decodeLevels(bytes(v2.getDefinitionLevels()), count);
      } else {
        allDefined = true;
      }
      values = bytes(v2.getData());
      encoding = v2.getDataEncoding();
    }
    levelPos = 0;
    pageRemaining = count;
    if (encoding == Encoding.PLAIN) {
      dictionaryPage = false;
      plain = values;
    } else if (encoding == Encoding.PLAIN_DICTIONARY || encoding == Encoding.RLE_DICTIONARY) {
      if (dictLongs == null && dictOffsets == null) throw new IllegalStateException("dictionary page missing");
      dictionaryPage = true;
      int width = values.get() & 0xFF;
      int defined = allDefined ? count : countDefined(count);
      if (ids.length < defined) ids = new int[defined];
      HybridDecoder.decode(values, width, ids, defined, -1);
      idPos = 0;
    } else {
      throw new IllegalStateException("encoding " + encoding);
    }
  }

  private void decodeLevels(ByteBuffer in, int count) {
    if (levels.length < count) levels = new int[count];
    allDefined = HybridDecoder.decode(in, defWidth, levels, count, maxDef);
  }

  private int countDefined(int count) {
    int c = 0;
    for (int i = 0; i < count; i++) if (levels[i] == maxDef) c++;
    return c;
  }
}
