package dev.ember.datasources.json;

import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.Projection;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.datasources.fs.HadoopFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Reads the files of a {@link JsonSplit} line by line into Arrow batches of the wanted columns. */
final class JsonBatchReader implements BatchReader {
  private final List<String> files;
  private final Projection projection;
  private final JsonRecordParser parser;
  private final BufferAllocator allocator;
  private final int batchSize;

  private int fileIndex = -1;
  private BufferedReader reader;
  private long lineNumber;

  JsonBatchReader(List<String> files, Schema table, Projection projection, JsonOptions options,
                  BufferAllocator allocator, int batchSize) {
    this.files = files;
    this.projection = projection;
    this.parser = new JsonRecordParser(table, options);
    this.allocator = allocator;
    this.batchSize = batchSize;
  }

  @Override public VectorSchemaRoot next() {
    VectorSchemaRoot root = null;
    int n = 0;
    try {
      Object[] row;
      while (n < batchSize && (row = nextRow()) != null) {
        if (root == null) root = allocate();
        List<FieldVector> vectors = root.getFieldVectors();
        for (int c = 0; c < vectors.size(); c++) {
          ArrowValues.set(vectors.get(c), n, projection.schema().field(c).type(), row[projection.tableIndexes()[c]]);
        }
        n++;
      }
    } catch (RuntimeException e) {
      if (root != null) root.close();
      throw e;
    }
    if (root == null) return null;
    for (FieldVector v : root.getFieldVectors()) v.setValueCount(n);
    root.setRowCount(n);
    return root;
  }

  private VectorSchemaRoot allocate() {
    return ArrowTypes.allocateRoot(projection.schema(), allocator, batchSize);
  }

  /** The next row that is kept (malformed ones may be dropped), opening files as needed; null at the end. */
  private Object[] nextRow() {
    while (true) {
      String line;
      try {
        line = reader == null ? null : reader.readLine();
      } catch (IOException e) {
        throw HadoopFiles.readError(files.get(fileIndex), e);
      }
      if (line == null) {
        closeFile();
        if (++fileIndex >= files.size()) return null;
        reader = new BufferedReader(new InputStreamReader(HadoopFiles.open(files.get(fileIndex)), StandardCharsets.UTF_8));
        lineNumber = 0;
        continue;
      }
      lineNumber++;
      if (line.isBlank()) continue;
      Object[] row = parser.parse(line, files.get(fileIndex), lineNumber);
      if (row != null) return row;
    }
  }

  private void closeFile() {
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException e) {
        // an input that fails to close has lost nothing
      }
      reader = null;
    }
  }

  @Override public void close() { closeFile(); }
}
