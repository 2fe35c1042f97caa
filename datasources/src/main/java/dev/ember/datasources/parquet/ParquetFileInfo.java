package dev.ember.datasources.parquet;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/** What a table keeps of one file's footer: its columns and the size of each row group. */
record ParquetFileInfo(String path, List<ParquetColumn> columns, List<RowGroup> rowGroups) {
  record RowGroup(long rows, long compressedBytes) {}

  static ParquetFileInfo of(String path, ParquetMetadata footer) {
    List<RowGroup> groups = new ArrayList<>();
    for (BlockMetaData b : footer.getBlocks()) groups.add(new RowGroup(b.getRowCount(), b.getCompressedSize()));
    return new ParquetFileInfo(path, ParquetSchemas.columns(footer.getFileMetaData().getSchema(), path), groups);
  }

  long rows() { return rowGroups.stream().mapToLong(RowGroup::rows).sum(); }

  long compressedBytes() { return rowGroups.stream().mapToLong(RowGroup::compressedBytes).sum(); }
}
