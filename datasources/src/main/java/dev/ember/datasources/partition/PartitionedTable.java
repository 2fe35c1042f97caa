package dev.ember.datasources.partition;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.Projection;
import dev.ember.datasources.ScanMetrics;
import dev.ember.datasources.fs.CommittedJobs;
import dev.ember.datasources.ScanSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A table over a Hive-style partitioned directory: one inner table (Parquet, CSV or JSON) per leaf
 * directory, the partition columns appended after the data columns. Readers of a directory whose
 * values rule out the pushed filters ({@link PartitionPruner}) open no file at all; the
 * {@link #metrics() metrics} count the partitions and files pruned.
 */
public final class PartitionedTable implements DataSourceTable {
  /** Opens the table of one leaf directory with the data columns (null: take them from the files). */
  @FunctionalInterface
  public interface Opener {
    DataSourceTable open(String directory, Schema dataSchemaOrNull, ScanMetrics metrics);
  }

  private final String name;
  private final String location;
  private final Schema schema;
  private final Schema partitionSchema;
  private final List<PartitionDirectory> directories;
  private final List<DataSourceTable> tables;
  private final ScanMetrics metrics;

  private PartitionedTable(String name, String location, Schema schema, Schema partitionSchema,
                           List<PartitionDirectory> directories, List<DataSourceTable> tables, ScanMetrics metrics) {
    this.name = name;
    this.location = location;
    this.schema = schema;
    this.partitionSchema = partitionSchema;
    this.directories = directories;
    this.tables = tables;
    this.metrics = metrics;
  }

  /** How often a listing is redone when write jobs keep committing while it runs. */
  private static final int LISTING_ATTEMPTS = 5;

  /**
   * The table at {@code location} if it is partitioned, else empty. With a {@code declared} schema,
   * the partition columns it names take its types and the rest are the data columns.
   *
   * <p>Discovery and each partition's listing read the table's commit log ({@link CommittedJobs})
   * separately; if a write job committed meanwhile, some partitions could show it and others
   * not, so the whole listing is redone until the log stayed the same throughout.
   */
  public static Optional<DataSourceTable> open(String name, String location, Schema declared, Opener opener) {
    for (int attempt = 1; ; attempt++) {
      java.util.Set<String> before = CommittedJobs.snapshot(location);
      Optional<DataSourceTable> table = openOnce(name, location, declared, opener);
      if (attempt == LISTING_ATTEMPTS || java.util.Objects.equals(before, CommittedJobs.snapshot(location))) return table;
    }
  }

  private static Optional<DataSourceTable> openOnce(String name, String location, Schema declared, Opener opener) {
    Optional<PartitionDiscovery.Partitions> found = PartitionDiscovery.discover(location, declared);
    if (found.isEmpty()) return Optional.empty();
    Schema partitionSchema = found.get().schema();
    Schema dataSchema = null;
    if (declared != null) {
      List<Field> data = new ArrayList<>();
      for (Field f : declared.fields()) if (partitionSchema.indexOf(f.name()) < 0) data.add(f);
      dataSchema = new Schema(data);
    }
    ScanMetrics metrics = new ScanMetrics();
    List<DataSourceTable> tables = new ArrayList<>();
    for (PartitionDirectory d : found.get().directories()) {
      DataSourceTable t = opener.open(d.path(), dataSchema, metrics);
      if (dataSchema == null) dataSchema = withoutPartitionColumns(t.schema(), partitionSchema);
      tables.add(t);
    }
    List<Field> all = new ArrayList<>(dataSchema.fields());
    for (Field f : partitionSchema.fields()) {
      if (dataSchema.indexOf(f.name()) >= 0) {
        throw new EmberException(EmberException.DATATYPE_MISMATCH, "column '" + f.name()
            + "' is both in the data files and a partition directory under " + location);
      }
      all.add(f);
    }
    return Optional.of(new PartitionedTable(name, location, new Schema(all), partitionSchema,
        found.get().directories(), List.copyOf(tables), metrics));
  }

  private static Schema withoutPartitionColumns(Schema s, Schema partitions) {
    List<Field> data = new ArrayList<>();
    for (Field f : s.fields()) if (partitions.indexOf(f.name()) < 0) data.add(f);
    return new Schema(data);
  }

  @Override public String name() { return name; }

  public String location() { return location; }

  @Override public Schema schema() { return schema; }

  public Schema partitionSchema() { return partitionSchema; }

  public List<PartitionDirectory> directories() { return directories; }

  @Override public Optional<ScanMetrics> metrics() { return Optional.of(metrics); }

  @Override public Statistics statistics() {
    long rows = 0;
    long bytes = 0;
    boolean rowsKnown = true;
    for (DataSourceTable t : tables) {
      Statistics s = t.statistics();
      if (s.rowCount().isPresent()) rows += s.rowCount().getAsLong(); else rowsKnown = false;
      if (s.sizeInBytes().isPresent()) bytes += s.sizeInBytes().getAsLong();
    }
    return new Statistics(rowsKnown ? OptionalLong.of(rows) : OptionalLong.empty(), OptionalLong.of(bytes));
  }

  /** Each directory's own splits, about {@code targetSplits / directories} of them (at least one). */
  @Override public List<ScanSplit> splits(int targetSplits) {
    int per = Math.max(1, targetSplits / Math.max(1, tables.size()));
    List<ScanSplit> out = new ArrayList<>();
    for (int p = 0; p < tables.size(); p++) {
      boolean first = true;
      for (ScanSplit s : tables.get(p).splits(per)) {
        out.add(new PartitionSplit(p, s, first));
        first = false;
      }
    }
    return out;
  }

  @Override public BatchReader open(ScanSplit split, List<String> columns, List<Expr> filters,
                                    BufferAllocator allocator, int batchSize) {
    if (!(split instanceof PartitionSplit s)) throw new IllegalArgumentException("not a partition split: " + split.describe());
    Projection projection = Projection.of(schema, columns, name);
    PartitionDirectory dir = directories.get(s.partition());
    PartitionPruner pruner = new PartitionPruner(partitionSchema, filters);
    if (!pruner.isEmpty() && !pruner.mightMatch(dir.values())) {
      if (s.first()) {
        metrics.partitionsPruned.incrementAndGet();
        metrics.filesPruned.addAndGet(dir.fileCount());
      }
      return EMPTY;
    }
    if (s.first()) metrics.partitionsScanned.incrementAndGet();
    int dataColumns = schema.size() - partitionSchema.size();
    List<String> innerColumns = new ArrayList<>();
    int[] sources = new int[projection.size()];
    for (int c = 0; c < projection.size(); c++) {
      int at = projection.tableIndexes()[c];
      if (at >= dataColumns) {
        sources[c] = -1 - (at - dataColumns);
      } else {
        sources[c] = innerColumns.size();
        innerColumns.add(schema.field(at).name());
      }
    }
    BatchReader inner = tables.get(s.partition()).open(s.inner(), innerColumns, filters, allocator, batchSize);
    return new PartitionReader(inner, projection.schema(), sources, dir.values(), allocator);
  }

  private static final BatchReader EMPTY = new BatchReader() {
    @Override public VectorSchemaRoot next() { return null; }

    @Override public void close() { }
  };

  @Override public String toString() { return name + " (partitioned " + location + ", " + directories.size() + " directories)"; }
}
