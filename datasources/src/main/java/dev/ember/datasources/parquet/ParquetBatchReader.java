package dev.ember.datasources.parquet;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.ScanMetrics;
import dev.ember.datasources.arrow.ArrowTypes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads a {@link ParquetSplit} one row group at a time: each wanted column of a common shape is
 * decoded page by page straight into the batch's Arrow vector ({@link PageColumnReader}); the
 * others, ARRAY columns included, go through Parquet-MR's {@link ColumnReader} (which handles
 * every encoding and yields each value's repetition and definition levels) and a
 * {@link ColumnDecoder}. Only the
 * wanted column chunks are read from storage; row groups whose statistics rule out the filters
 * are not read at all.
 */
public final class ParquetBatchReader implements BatchReader {
  private final List<ParquetSplit.Chunk> chunks;
  private final Schema output;
  private final List<Expr> filters;
  private final BufferAllocator allocator;
  private final int batchSize;

  private int chunkIndex = -1;
  private ParquetSplit.Chunk chunk;
  private int nextRowGroup;
  private OpenFile file;
  private PageReadStore rowGroup;
  private ColumnReader[] readers;
  private PageColumnReader[] pageReaders;
  private long remaining;
  private int rowGroupsRead;
  private int rowGroupsSkipped;

  private final ScanMetrics metrics;

  ParquetBatchReader(ParquetSplit split, Schema output, List<Expr> filters, BufferAllocator allocator, int batchSize,
                     ScanMetrics metrics) {
    this.metrics = metrics;
    this.chunks = split.chunks();
    this.output = output;
    this.filters = List.copyOf(filters);
    this.allocator = allocator;
    this.batchSize = batchSize;
  }

  /** Row groups decoded (or, with no columns wanted, counted) so far. */
  public int rowGroupsRead() { return rowGroupsRead; }

  /** Row groups skipped because their statistics rule out the filters. */
  public int rowGroupsSkipped() { return rowGroupsSkipped; }

  @Override public VectorSchemaRoot next() {
    if (remaining == 0 && !advance()) return null;
    int n = (int) Math.min(batchSize, remaining);
    VectorSchemaRoot root = ArrowTypes.createRoot(output, allocator);
    try {
      List<FieldVector> vectors = root.getFieldVectors();
      for (int u = 0; u < file.columns.size(); u++) {
        FieldVector v = vectors.get(file.firstOutput[u]);
        allocate(v, n, file.bytesPerValue[u]);
        if (pageReaders[u] != null) {
          pageReaders[u].read(v, n);
        } else {
          file.decoders[u].read(readers[u], file.maxDefinitionLevel[u], v, n);
        }
      }
      for (int o = 0; o < vectors.size(); o++) {
        int u = file.columnOfOutput[o];
        FieldVector source = vectors.get(file.firstOutput[u]);
        if (file.firstOutput[u] == o) continue;
        FieldVector copy = vectors.get(o);
        allocate(copy, n, file.bytesPerValue[u]);
        for (int i = 0; i < n; i++) copy.copyFromSafe(i, i, source);
      }
      root.setRowCount(n);
      remaining -= n;
      return root;
    } catch (RuntimeException e) {
      root.close();
      throw ParquetFiles.readError(chunk.file(), e);
    }
  }

  private static void allocate(FieldVector v, int n, long bytesPerValue) {
    if (v instanceof BaseVariableWidthVector var) {
      var.allocateNew(Math.max(64, bytesPerValue * n), n);
    } else {
      v.setInitialCapacity(n);
      v.allocateNew();
    }
  }

  /** Moves to the next row group that might match, opening files as needed; false at the end. */
  private boolean advance() {
    closeRowGroup();
    while (true) {
      if (chunk == null || nextRowGroup >= chunk.firstRowGroup() + chunk.rowGroupCount()) {
        closeFile();
        if (++chunkIndex >= chunks.size()) return false;
        chunk = chunks.get(chunkIndex);
        nextRowGroup = chunk.firstRowGroup();
        file = new OpenFile(chunk.file(), output, filters);
      }
      int index = nextRowGroup++;
      BlockMetaData block = file.block(index);
      if (block.getRowCount() == 0) continue;
      if (!file.filter.mightMatch(block)) {
        rowGroupsSkipped++;
        metrics.rowGroupsPrunedByStatistics.incrementAndGet();
        continue;
      }
      if (!file.dictionaryFilter.isEmpty() && !file.dictionaryFilter.mightMatch(file.reader, block)) {
        rowGroupsSkipped++;
        metrics.rowGroupsPrunedByDictionary.incrementAndGet();
        continue;
      }
      rowGroupsRead++;
      metrics.rowGroupsRead.incrementAndGet();
      remaining = block.getRowCount();
      if (!file.columns.isEmpty()) openRowGroup(index, block);
      return true;
    }
  }

  private void openRowGroup(int index, BlockMetaData block) {
    try {
      rowGroup = file.reader.readRowGroup(index);
    } catch (IOException | RuntimeException e) {
      throw ParquetFiles.readError(chunk.file(), e);
    }
    ColumnReadStoreImpl store = new ColumnReadStoreImpl(rowGroup, NoRecordConverter.of(file.requested),
        file.requested, file.reader.getFooter().getFileMetaData().getCreatedBy());
    readers = new ColumnReader[file.columns.size()];
    pageReaders = new PageColumnReader[file.columns.size()];
    for (int u = 0; u < readers.length; u++) {
      file.bytesPerValue[u] = 8;
      ColumnChunkMetaData meta = null;
      for (ColumnChunkMetaData c : block.getColumns()) {
        if (c.getPath().toDotString().equals(file.columns.get(u).chunkPath())) {
          meta = c;
          file.bytesPerValue[u] = Math.max(1, c.getTotalUncompressedSize() / Math.max(1, block.getRowCount()));
        }
      }
      // Direct page decoding where the column's shape allows; Parquet-MR's ColumnReader otherwise.
      if (PageColumnReader.supports(file.columns.get(u)) && meta != null) {
        pageReaders[u] = PageColumnReader.open(file.columns.get(u), file.descriptors[u], meta,
            rowGroup.getPageReader(file.descriptors[u]));
      }
      if (pageReaders[u] == null) readers[u] = store.getColumnReader(file.descriptors[u]);
    }
  }

  private void closeRowGroup() {
    if (rowGroup != null) {
      rowGroup.close();
      rowGroup = null;
      readers = null;
      pageReaders = null;
    }
  }

  private void closeFile() {
    closeRowGroup();
    if (file != null) {
      file.close();
      file = null;
    }
  }

  @Override public void close() { closeFile(); }

  /** One open file with the wanted columns resolved against its own footer. */
  private static final class OpenFile {
    final ParquetFileReader reader;
    /** The file's columns that are read, each once, even when asked for twice. */
    final List<ParquetColumn> columns = new ArrayList<>();
    final int[] columnOfOutput;
    final int[] firstOutput;
    final ColumnDecoder[] decoders;
    final ColumnDescriptor[] descriptors;
    final int[] maxDefinitionLevel;
    final long[] bytesPerValue;
    final MessageType requested;
    final RowGroupFilter filter;
    final DictionaryFilter dictionaryFilter;

    OpenFile(String path, Schema output, List<Expr> filters) {
      reader = ParquetFiles.open(path);
      try {
        MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
        List<ParquetColumn> all = ParquetSchemas.columns(fileSchema, path);
        columnOfOutput = new int[output.size()];
        List<Integer> first = new ArrayList<>();
        for (int o = 0; o < output.size(); o++) {
          ParquetColumn c = find(all, output.field(o), path);
          int u = columns.indexOf(c);
          if (u < 0) {
            u = columns.size();
            columns.add(c);
            first.add(o);
          }
          columnOfOutput[o] = u;
        }
        firstOutput = first.stream().mapToInt(Integer::intValue).toArray();
        List<Type> types = new ArrayList<>();
        for (ParquetColumn c : columns) types.add(c.topLevel());
        requested = new MessageType(fileSchema.getName(), types);
        reader.setRequestedSchema(requested);
        decoders = new ColumnDecoder[columns.size()];
        descriptors = new ColumnDescriptor[columns.size()];
        maxDefinitionLevel = new int[columns.size()];
        bytesPerValue = new long[columns.size()];
        for (int u = 0; u < columns.size(); u++) {
          decoders[u] = ColumnDecoder.forColumn(columns.get(u));
          descriptors[u] = requested.getColumnDescription(columns.get(u).leafPathArray());
          maxDefinitionLevel[u] = descriptors[u].getMaxDefinitionLevel();
        }
        filter = new RowGroupFilter(filters, all);
        dictionaryFilter = new DictionaryFilter(filters, all, fileSchema, path);
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }

    private static ParquetColumn find(List<ParquetColumn> all, Field wanted, String path) {
      ParquetColumn match = null;
      for (ParquetColumn c : all) {
        if (c.name().equals(wanted.name())) match = c;
      }
      if (match == null) {
        for (ParquetColumn c : all) if (c.name().equalsIgnoreCase(wanted.name())) match = c;
      }
      if (match == null) {
        throw new EmberException(EmberException.IO_ERROR,
            "Parquet file " + path + " no longer has column '" + wanted.name() + "'");
      }
      if (!match.type().equals(wanted.type())) {
        throw new EmberException(EmberException.IO_ERROR, "Parquet file " + path + " now holds "
            + match.type().sql() + " in column '" + wanted.name() + "', not " + wanted.type().sql());
      }
      return match;
    }

    BlockMetaData block(int index) {
      List<BlockMetaData> blocks = reader.getRowGroups();
      if (index >= blocks.size()) {
        throw new EmberException(EmberException.IO_ERROR, "Parquet file " + reader.getFile()
            + " has " + blocks.size() + " row groups, fewer than when the table was opened");
      }
      return blocks.get(index);
    }

    void close() {
      try {
        reader.close();
      } catch (IOException e) {
        // Nothing was written; a failed close of an input cannot lose data.
      }
    }
  }
}
