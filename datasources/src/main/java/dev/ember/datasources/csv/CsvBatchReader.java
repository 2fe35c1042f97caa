package dev.ember.datasources.csv;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.Utf8String;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.ParseMode;
import dev.ember.datasources.Projection;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.datasources.fs.HadoopFiles;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads the files of a {@link CsvSplit} in order, parsing only the wanted columns of each record
 * into Arrow vectors. A record with the wrong number of fields, or a value that does not parse as
 * its column's type, is an error naming the file and line.
 */
final class CsvBatchReader implements BatchReader {
  private final List<String> files;
  private final Schema table;
  private final Projection projection;
  private final CsvOptions options;
  private final CsvValues values;
  private final BufferAllocator allocator;
  private final int batchSize;
  /** The table column that receives malformed records' text (not in the files), or -1. */
  private final int corruptIndex;
  /** Fields each record must have: the table's columns but the corrupt-record one. */
  private final int fileColumns;
  /** The current record's parsed values, one per output column. */
  private final Object[] parsed;

  private int fileIndex = -1;
  private Reader reader;
  private CsvTokenizer tokens;

  CsvBatchReader(List<String> files, Schema table, Projection projection, CsvOptions options,
                 BufferAllocator allocator, int batchSize) {
    this.files = files;
    this.table = table;
    this.projection = projection;
    this.options = options;
    this.values = new CsvValues(options);
    this.allocator = allocator;
    this.batchSize = batchSize;
    int corrupt = table.indexOf(options.columnNameOfCorruptRecord());
    this.corruptIndex = corrupt >= 0 && table.field(corrupt).type().equals(DataType.VARCHAR) ? corrupt : -1;
    this.fileColumns = table.size() - (corruptIndex >= 0 ? 1 : 0);
    this.parsed = new Object[projection.size()];
  }

  /**
   * Whether a field stands for NULL: unquoted text equal to {@code nullValue}, quoted text equal to
   * a non-empty {@code nullValue} (so {@code ""} stays an empty string), and, for non-text
   * columns, a blank unquoted field.
   */
  static boolean isNull(String text, boolean quoted, CsvOptions options, DataType type) {
    if (text.equals(options.nullValue())) return !quoted || !options.nullValue().isEmpty();
    return !quoted && !type.isString() && type.id() != dev.ember.catalyst.types.TypeId.VARBINARY && text.isBlank();
  }

  @Override public VectorSchemaRoot next() {
    VectorSchemaRoot root = null;
    int n = 0;
    try {
      while (n < batchSize && nextRecord()) {
        if (root == null) root = allocate();
        if (fill(root, n)) n++;
      }
    } catch (RuntimeException e) {
      if (root != null) root.close();
      throw e;
    }
    if (root == null) return null;
    if (n == 0) {
      root.close();
      return null;
    }
    for (FieldVector v : root.getFieldVectors()) v.setValueCount(n);
    root.setRowCount(n);
    return root;
  }

  private VectorSchemaRoot allocate() {
    return ArrowTypes.allocateRoot(projection.schema(), allocator, batchSize);
  }

  /**
   * Parses the current record into row {@code row}; false when it is malformed and dropped. Bad
   * fields of a kept (PERMISSIVE) record are NULL and the corrupt-record column gets its text.
   */
  private boolean fill(VectorSchemaRoot root, int row) {
    List<String> fields = tokens.fields();
    String problem = tokens.problem();
    if (problem == null && fields.size() != fileColumns) {
      problem = "expected " + fileColumns + " fields, found " + fields.size();
    }
    int columns = projection.size();
    for (int c = 0; c < columns; c++) {
      int at = projection.tableIndexes()[c];
      parsed[c] = null;
      if (at == corruptIndex) continue;
      int field = at > corruptIndex && corruptIndex >= 0 ? at - 1 : at;
      if (field >= fields.size()) continue;
      DataType type = table.field(at).type();
      String text = fields.get(field);
      if (isNull(text, tokens.wasQuoted(field), options, type)) continue;
      try {
        parsed[c] = values.parse(text, type);
      } catch (EmberException e) {
        if (options.mode() == ParseMode.FAILFAST) {
          throw new EmberException(e.sqlState(), "in " + tokens.file() + " at line " + tokens.recordLine()
              + ", column '" + table.field(at).name() + "': " + e.getMessage(), e);
        }
        if (problem == null) problem = "column '" + table.field(at).name() + "': " + e.getMessage();
      }
    }
    if (problem != null) {
      switch (options.mode()) {
        case FAILFAST -> throw tokens.malformed(tokens.recordLine(), problem);
        case DROPMALFORMED -> {
          return false;
        }
        default -> {
          for (int c = 0; c < columns; c++) {
            if (projection.tableIndexes()[c] == corruptIndex) parsed[c] = Utf8String.of(tokens.rawRecord());
          }
        }
      }
    }
    List<FieldVector> vectors = root.getFieldVectors();
    for (int c = 0; c < columns; c++) ArrowValues.set(vectors.get(c), row, projection.schema().field(c).type(), parsed[c]);
    return true;
  }

  /** Advances to the next data record of this split, opening files and skipping headers. */
  private boolean nextRecord() {
    while (true) {
      try {
        if (tokens != null && tokens.next()) return true;
      } catch (IOException e) {
        throw HadoopFiles.readError(files.get(fileIndex), e);
      }
      closeFile();
      if (++fileIndex >= files.size()) return false;
      String file = files.get(fileIndex);
      reader = new InputStreamReader(HadoopFiles.open(file), StandardCharsets.UTF_8);
      tokens = new CsvTokenizer(reader, file, options);
      if (options.header()) {
        try {
          tokens.next();
        } catch (IOException e) {
          throw HadoopFiles.readError(file, e);
        }
      }
    }
  }

  private void closeFile() {
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException e) {
        // An input stream that fails to close has lost nothing.
      }
      reader = null;
      tokens = null;
    }
  }

  @Override public void close() { closeFile(); }
}
