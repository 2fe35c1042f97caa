package dev.ember.datasources.parquet;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.Projection;
import dev.ember.datasources.ScanMetrics;
import dev.ember.datasources.ScanSplit;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.hadoop.fs.FileStatus;
import org.apache.parquet.hadoop.ParquetFileReader;

/**
 * A table stored as Parquet: one file, or a directory of {@code *.parquet} files read through
 * Hadoop's FileSystem. The schema and statistics come from the footers, read once when the table
 * is created; splits are runs of row groups; {@link #open} decodes column chunks straight into
 * Arrow vectors ({@link ParquetBatchReader}) and skips row groups whose statistics rule out the
 * pushed filters.
 *
 * <p>Every file must have the same columns with the same types (nullability may differ: the table
 * column is nullable when any file's is). A missing path, an unreadable file or a file that is not
 * Parquet fails here, with SQLSTATE IO_ERROR and the path in the message.
 */
public final class ParquetTable implements DataSourceTable, java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final String name;
  private final String location;
  private final List<ParquetFileInfo> files;
  private final Statistics statistics;
  private final Schema schema;
  private final ScanMetrics metrics;

  private ParquetTable(String name, String location, List<ParquetFileInfo> files, Schema schema, ScanMetrics metrics) {
    this.name = name;
    this.location = location;
    this.files = files;
    this.schema = schema;
    this.metrics = metrics;
    this.statistics = computeStatistics();
  }

  /** The table at {@code location} with the schema of its files. */
  public static ParquetTable open(String name, String location) {
    return open(name, location, null);
  }

  /**
   * The table at {@code location}. With a {@code declared} schema, each declared column must exist
   * in the files with the same type, and the table has exactly the declared columns (which also
   * lets an empty directory be a table).
   */
  public static ParquetTable open(String name, String location, Schema declared) {
    return open(name, location, declared, new ScanMetrics());
  }

  /** As {@link #open(String, String, Schema)}, counting skipped row groups into {@code metrics}. */
  public static ParquetTable open(String name, String location, Schema declared, ScanMetrics metrics) {
    List<ParquetFileInfo> files = new ArrayList<>();
    for (FileStatus status : ParquetFiles.list(location)) {
      String file = status.getPath().toString();
      try (ParquetFileReader reader = ParquetFiles.open(file)) {
        files.add(ParquetFileInfo.of(file, reader.getFooter()));
      } catch (java.io.IOException e) {
        throw ParquetFiles.readError(file, e);
      }
    }
    Schema fileSchema = files.isEmpty() ? null : commonSchema(files);
    Schema schema;
    if (declared != null) {
      schema = fileSchema == null ? declared : checkDeclared(declared, fileSchema, location);
    } else if (fileSchema == null) {
      throw new EmberException(EmberException.IO_ERROR,
          "no Parquet files in " + location + " to take a schema from; declare the columns");
    } else {
      schema = fileSchema;
    }
    return new ParquetTable(name, location, List.copyOf(files), schema, metrics);
  }

  private static Schema commonSchema(List<ParquetFileInfo> files) {
    ParquetFileInfo first = files.get(0);
    List<Field> fields = new ArrayList<>();
    for (ParquetColumn c : first.columns()) fields.add(c.field());
    for (ParquetFileInfo f : files.subList(1, files.size())) {
      boolean same = f.columns().size() == fields.size();
      for (int i = 0; same && i < fields.size(); i++) {
        ParquetColumn c = f.columns().get(i);
        Field expected = fields.get(i);
        same = c.name().equals(expected.name()) && c.type().equals(expected.type());
        if (same && c.nullable() && !expected.nullable()) fields.set(i, c.field());
      }
      if (!same) {
        throw new EmberException(EmberException.DATATYPE_MISMATCH, "Parquet files disagree on the schema: "
            + first.path() + " has " + describe(first) + " but " + f.path() + " has " + describe(f));
      }
    }
    return new Schema(fields);
  }

  private static String describe(ParquetFileInfo f) {
    List<Field> fields = new ArrayList<>();
    for (ParquetColumn c : f.columns()) fields.add(c.field());
    return new Schema(fields).toString();
  }

  private static Schema checkDeclared(Schema declared, Schema files, String location) {
    for (Field d : declared.fields()) {
      int at = files.indexOf(d.name());
      if (at < 0) {
        throw new EmberException(EmberException.UNDEFINED_COLUMN,
            "declared column '" + d.name() + "' is not in the Parquet files at " + location);
      }
      if (!files.field(at).type().equals(d.type())) {
        throw new EmberException(EmberException.DATATYPE_MISMATCH, "declared column '" + d.name() + "' is "
            + d.type().sql() + " but the Parquet files at " + location + " hold " + files.field(at).type().sql());
      }
    }
    return declared;
  }

  @Override public String name() { return name; }

  public String location() { return location; }

  @Override public Schema schema() { return schema; }

  @Override public java.util.Optional<ScanMetrics> metrics() { return java.util.Optional.of(metrics); }

  /**
   * Row count and compressed size, summed over the footers, and per column the min, max and NULL
   * count the row groups' statistics give (no distinct counts: footers do not have them).
   */
  @Override public Statistics statistics() { return statistics; }

  private Statistics computeStatistics() {
    long rows = 0;
    long bytes = 0;
    for (ParquetFileInfo f : files) {
      rows += f.rows();
      bytes += f.compressedBytes();
    }
    java.util.Map<String, dev.ember.catalyst.stats.ColumnStat> columns = new java.util.HashMap<>();
    for (Field field : schema.fields()) {
      ColumnRange range = null;
      for (ParquetFileInfo f : files) {
        ColumnRange r = f.ranges().get(field.name());
        if (r == null || !r.type().equals(field.type())) {
          range = null;
          break;
        }
        try {
          range = range == null ? r : ParquetFileInfo.merge(range, r);
        } catch (IllegalArgumentException e) {
          range = null; // incomparable bounds: leave the column without a range
          break;
        }
      }
      if (range == null) continue;
      dev.ember.catalyst.stats.ColumnStat c = dev.ember.catalyst.stats.ColumnStat.UNKNOWN.withRange(range.min(), range.max());
      if (range.nullCount() >= 0) c = c.withNullCount(range.nullCount());
      columns.put(field.name(), c);
    }
    return Statistics.of(rows, bytes).withColumns(columns);
  }

  /**
   * Runs of consecutive row groups of about equal compressed size, about {@code targetSplits} of
   * them (never more than there are row groups). An empty table has one split that reads nothing.
   */
  @Override public List<ScanSplit> splits(int targetSplits) {
    long total = statistics().sizeInBytes().getAsLong();
    long target = Math.max(1, total / Math.max(1, targetSplits));
    List<ScanSplit> out = new ArrayList<>();
    List<ParquetSplit.Chunk> current = new ArrayList<>();
    long currentBytes = 0;
    for (ParquetFileInfo f : files) {
      int first = 0;
      for (int g = 0; g < f.rowGroups().size(); g++) {
        currentBytes += Math.max(1, f.rowGroups().get(g).compressedBytes());
        if (currentBytes >= target) {
          current.add(new ParquetSplit.Chunk(f.path(), first, g - first + 1));
          out.add(new ParquetSplit(current));
          current = new ArrayList<>();
          currentBytes = 0;
          first = g + 1;
        }
      }
      if (first < f.rowGroups().size()) current.add(new ParquetSplit.Chunk(f.path(), first, f.rowGroups().size() - first));
    }
    if (!current.isEmpty() || out.isEmpty()) out.add(new ParquetSplit(current));
    return out;
  }

  @Override public BatchReader open(ScanSplit split, List<String> columns, List<Expr> filters,
                                    BufferAllocator allocator, int batchSize) {
    if (!(split instanceof ParquetSplit s)) {
      throw new IllegalArgumentException("not a Parquet split: " + split.describe());
    }
    if (batchSize < 1) throw new IllegalArgumentException("batchSize " + batchSize);
    Projection projection = Projection.of(schema, columns, name);
    return new ParquetBatchReader(s, projection.schema(), filters, allocator, batchSize, metrics);
  }

  @Override public String toString() { return name + " (parquet " + location + ")"; }

  /** Travels as its handle (name, location, schema); the executor lists and opens the files again. */
  private Object writeReplace() { return new Handle(name, location, schema); }

  /** A Parquet table on the wire. */
  private record Handle(String name, String location, Schema schema) implements java.io.Serializable {
    private Object readResolve() { return open(name, location, schema); }
  }
}
