package dev.ember.datasources.csv;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.Projection;
import dev.ember.datasources.ScanSplit;
import dev.ember.datasources.fs.HadoopFiles;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import dev.ember.datasources.fs.FileGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.hadoop.fs.FileStatus;

/**
 * A table stored as CSV (UTF-8): one file, or every non-hidden file under a directory, read
 * through Hadoop's FileSystem with Spark's options ({@link CsvOptions}). Columns are named by the
 * header ({@code header=true}) or {@code _c0, _c1, …}; typed by the declared schema (by position),
 * by inference from the first {@code samplingRows} rows ({@code inferSchema=true}), or VARCHAR.
 * A split is a run of whole files.
 */
public final class CsvTable implements DataSourceTable, java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final String name;
  private final String location;
  private final CsvOptions options;
  private final List<FileStatus> files;
  private final Schema schema;

  private CsvTable(String name, String location, CsvOptions options, List<FileStatus> files, Schema schema) {
    this.name = name;
    this.location = location;
    this.options = options;
    this.files = files;
    this.schema = schema;
  }

  /** The table at {@code location} with Spark-style {@code options} and an optional declared schema. */
  public static CsvTable open(String name, String location, Map<String, String> options, Schema declared) {
    return open(name, location, CsvOptions.parse(options), declared);
  }

  public static CsvTable open(String name, String location, CsvOptions options, Schema declared) {
    List<FileStatus> files = HadoopFiles.list(location, n -> true);
    if (declared != null) {
      for (Field f : declared.fields()) checkSupported(f);
      return new CsvTable(name, location, options, files, declared);
    }
    Sample sample = sample(files, options);
    if (sample.names == null) {
      throw new EmberException(EmberException.IO_ERROR,
          "no CSV data in " + location + " to take columns from; declare the columns");
    }
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < sample.names.size(); i++) {
      DataType t = sample.types == null || sample.types.get(i) == null ? DataType.VARCHAR : sample.types.get(i);
      fields.add(new Field(sample.names.get(i), t, true));
    }
    return new CsvTable(name, location, options, files, new Schema(fields));
  }

  /** Intervals, NULL and ARRAY columns have no CSV text form (Spark refuses arrays in CSV too). */
  private static void checkSupported(Field f) {
    if (f.type().isInterval() || f.type().isArray() || f.type().id() == dev.ember.catalyst.types.TypeId.NULL) {
      throw EmberException.notSupported("CSV column '" + f.name() + "' of type " + f.type().sql());
    }
  }

  /** Column names from the first record, and (with inferSchema) types merged over the sample. */
  private static final class Sample {
    List<String> names;
    List<DataType> types;
  }

  private static Sample sample(List<FileStatus> files, CsvOptions options) {
    Sample s = new Sample();
    CsvValues values = new CsvValues(options);
    int rows = 0;
    for (FileStatus f : files) {
      String file = f.getPath().toString();
      try (Reader reader = new InputStreamReader(HadoopFiles.open(file), StandardCharsets.UTF_8)) {
        CsvTokenizer tokens = new CsvTokenizer(reader, file, options);
        boolean first = true;
        while (tokens.next()) {
          if (s.names == null) s.names = columnNames(tokens.fields(), options.header());
          if (first && options.header()) {
            first = false;
            continue;
          }
          first = false;
          if (!options.inferSchema() || rows >= options.samplingRows()) break;
          if (s.types == null) s.types = new ArrayList<>(java.util.Collections.nCopies(s.names.size(), null));
          List<String> fields = tokens.fields();
          for (int i = 0; i < Math.min(fields.size(), s.types.size()); i++) {
            String text = fields.get(i);
            if (CsvBatchReader.isNull(text, tokens.wasQuoted(i), options, DataType.DOUBLE)) continue;
            s.types.set(i, CsvValues.merge(s.types.get(i), tokens.wasQuoted(i) ? DataType.VARCHAR : values.infer(text)));
          }
          rows++;
        }
      } catch (IOException e) {
        throw HadoopFiles.readError(file, e);
      }
      if (s.names != null && (!options.inferSchema() || rows >= options.samplingRows())) break;
    }
    return s;
  }

  /** Header names (blank ones become _cN, repeated ones get their position appended) or _c0, _c1, … */
  private static List<String> columnNames(List<String> first, boolean header) {
    List<String> names = new ArrayList<>(first.size());
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < first.size(); i++) {
      String n = header ? first.get(i).trim() : "";
      if (!n.isEmpty()) counts.merge(n.toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    for (int i = 0; i < first.size(); i++) {
      String n = header ? first.get(i).trim() : "";
      if (n.isEmpty()) n = "_c" + i;
      else if (counts.get(n.toLowerCase(Locale.ROOT)) > 1) n = n + i;
      names.add(n);
    }
    return names;
  }

  @Override public String name() { return name; }

  public String location() { return location; }

  public CsvOptions options() { return options; }

  @Override public Schema schema() { return schema; }

  /** The files' total size; the row count is unknown without reading them. */
  @Override public Statistics statistics() {
    long bytes = files.stream().mapToLong(FileStatus::getLen).sum();
    return new Statistics(OptionalLong.empty(), OptionalLong.of(bytes));
  }

  /** Runs of whole files of about equal size, at most {@code targetSplits}; at least one. */
  @Override public List<ScanSplit> splits(int targetSplits) {
    List<ScanSplit> out = new ArrayList<>();
    for (List<String> group : FileGroups.bySize(files, targetSplits)) out.add(new CsvSplit(group));
    return out;
  }

  @Override public BatchReader open(ScanSplit split, List<String> columns, List<Expr> filters,
                                    BufferAllocator allocator, int batchSize) {
    if (!(split instanceof CsvSplit s)) throw new IllegalArgumentException("not a CSV split: " + split.describe());
    if (batchSize < 1) throw new IllegalArgumentException("batchSize " + batchSize);
    return new CsvBatchReader(s.files(), schema, Projection.of(schema, columns, name), options, allocator, batchSize);
  }

  @Override public String toString() { return name + " (csv " + location + ")"; }

  /** Travels as its handle (name, location, options, schema); the executor lists the files again. */
  private Object writeReplace() { return new Handle(name, location, options, schema); }

  /** A CSV table on the wire. */
  private record Handle(String name, String location, CsvOptions options, Schema schema)
      implements java.io.Serializable {
    private Object readResolve() { return open(name, location, options, schema); }
  }
}
