package dev.ember.datasources.parquet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * What a table keeps of one file's footer: its columns, the size of each row group, and per
 * column the range and NULL count over all row groups (for the optimizer's statistics; absent
 * for a column when some row group has no statistics for it).
 */
record ParquetFileInfo(String path, List<ParquetColumn> columns, List<RowGroup> rowGroups,
                       Map<String, ColumnRange> ranges) {
  record RowGroup(long rows, long compressedBytes) {}

  static ParquetFileInfo of(String path, ParquetMetadata footer) {
    List<RowGroup> groups = new ArrayList<>();
    for (BlockMetaData b : footer.getBlocks()) groups.add(new RowGroup(b.getRowCount(), b.getCompressedSize()));
    List<ParquetColumn> columns = ParquetSchemas.columns(footer.getFileMetaData().getSchema(), path);
    return new ParquetFileInfo(path, columns, groups, ranges(columns, footer.getBlocks()));
  }

  /** Each column's range over all row groups; a column missing statistics in any row group has none. */
  private static Map<String, ColumnRange> ranges(List<ParquetColumn> columns, List<BlockMetaData> blocks) {
    Map<String, ColumnRange> out = new HashMap<>();
    for (ParquetColumn column : columns) {
      if (column.isList()) continue; // element statistics say nothing about rows
      ColumnRange merged = null;
      boolean complete = true;
      for (BlockMetaData b : blocks) {
        ColumnRange r = null;
        for (ColumnChunkMetaData c : b.getColumns()) {
          if (c.getPath().toDotString().equals(column.name())) r = ColumnRange.of(column, c.getStatistics(), b.getRowCount());
        }
        if (r == null) {
          complete = false;
          break;
        }
        try {
          merged = merged == null ? r : merge(merged, r);
        } catch (IllegalArgumentException e) {
          complete = false; // values the comparison does not know: no range rather than no table
          break;
        }
      }
      if (complete && merged != null) out.put(column.name(), merged);
    }
    return out;
  }

  /** The range covering both: the smaller min, the larger max, the NULL counts added. */
  static ColumnRange merge(ColumnRange a, ColumnRange b) {
    Object min = a.min() == null || b.min() == null ? null : ColumnRange.compare(a.min(), b.min()) <= 0 ? a.min() : b.min();
    Object max = a.max() == null || b.max() == null ? null : ColumnRange.compare(a.max(), b.max()) >= 0 ? a.max() : b.max();
    // A row group of only NULLs has no min/max and does not widen the range.
    if (a.allNull()) {
      min = b.min();
      max = b.max();
    } else if (b.allNull()) {
      min = a.min();
      max = a.max();
    }
    long nulls = a.nullCount() < 0 || b.nullCount() < 0 ? -1 : a.nullCount() + b.nullCount();
    return new ColumnRange(a.type(), min, max, nulls, a.rowCount() + b.rowCount());
  }

  long rows() { return rowGroups.stream().mapToLong(RowGroup::rows).sum(); }

  long compressedBytes() { return rowGroups.stream().mapToLong(RowGroup::compressedBytes).sum(); }
}
