package dev.ember.datasources.csv;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
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
        fill(root, n);
        n++;
      }
    } catch (RuntimeException e) {
      if (root != null) root.close();
      throw e;
    }
    if (root == null) return null;
    root.setRowCount(n);
    return root;
  }

  private VectorSchemaRoot allocate() {
    VectorSchemaRoot root = ArrowTypes.createRoot(projection.schema(), allocator);
    for (FieldVector v : root.getFieldVectors()) {
      v.setInitialCapacity(batchSize);
      v.allocateNew();
    }
    return root;
  }

  private void fill(VectorSchemaRoot root, int row) {
    List<String> fields = tokens.fields();
    if (fields.size() != table.size()) {
      throw tokens.malformed(tokens.recordLine(), "expected " + table.size() + " fields, found " + fields.size());
    }
    List<FieldVector> vectors = root.getFieldVectors();
    for (int c = 0; c < vectors.size(); c++) {
      int at = projection.tableIndexes()[c];
      DataType type = table.field(at).type();
      String text = fields.get(at);
      if (isNull(text, tokens.wasQuoted(at), options, type)) {
        ArrowValues.set(vectors.get(c), row, type, null);
        continue;
      }
      try {
        ArrowValues.set(vectors.get(c), row, type, values.parse(text, type));
      } catch (EmberException e) {
        throw new EmberException(e.sqlState(), "in " + tokens.file() + " at line " + tokens.recordLine()
            + ", column '" + table.field(at).name() + "': " + e.getMessage(), e);
      }
    }
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
