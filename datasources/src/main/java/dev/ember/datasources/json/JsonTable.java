package dev.ember.datasources.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.TypeId;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.ParseMode;
import dev.ember.datasources.Projection;
import dev.ember.datasources.ScanSplit;
import dev.ember.datasources.fs.HadoopFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import dev.ember.datasources.fs.FileGroups;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.hadoop.fs.FileStatus;

/**
 * A table stored as line-delimited JSON (one object per line, UTF-8): one file, or every
 * non-hidden file under a directory. The schema is declared, or inferred from the first
 * {@code samplingRows} lines ({@link JsonValues#infer}: columns in the order keys first appear,
 * all nullable; a key that is only ever null is VARCHAR; arrays are ARRAY of their elements'
 * merged type, VARCHAR elements when none is ever seen; in PERMISSIVE mode a malformed sampled
 * line adds the {@code columnNameOfCorruptRecord} column, as Spark does). A split is a run of whole
 * files.
 */
public final class JsonTable implements DataSourceTable {
  private final String name;
  private final String location;
  private final JsonOptions options;
  private final List<FileStatus> files;
  private final Schema schema;

  private JsonTable(String name, String location, JsonOptions options, List<FileStatus> files, Schema schema) {
    this.name = name;
    this.location = location;
    this.options = options;
    this.files = files;
    this.schema = schema;
  }

  public static JsonTable open(String name, String location, Map<String, String> options, Schema declared) {
    JsonOptions o = JsonOptions.parse(options);
    List<FileStatus> files = HadoopFiles.list(location, n -> true);
    if (declared != null) {
      for (Field f : declared.fields()) {
        if (f.type().isInterval() || f.type().id() == TypeId.NULL) {
          throw EmberException.notSupported("JSON column '" + f.name() + "' of type " + f.type().sql());
        }
      }
      return new JsonTable(name, location, o, files, declared);
    }
    Schema inferred = infer(files, o);
    if (inferred.size() == 0) {
      throw new EmberException(EmberException.IO_ERROR,
          "no JSON objects in " + location + " to take columns from; declare the columns");
    }
    return new JsonTable(name, location, o, files, inferred);
  }

  private static Schema infer(List<FileStatus> files, JsonOptions options) {
    Map<String, DataType> types = new LinkedHashMap<>();
    Map<String, String> spelling = new LinkedHashMap<>();
    boolean corrupt = false;
    int rows = 0;
    for (FileStatus f : files) {
      String file = f.getPath().toString();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(HadoopFiles.open(file), StandardCharsets.UTF_8))) {
        String line;
        long number = 0;
        while (rows < options.samplingRows() && (line = r.readLine()) != null) {
          number++;
          if (line.isBlank()) continue;
          rows++;
          try (JsonParser p = JsonValues.FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new JsonProcessingException("not an object") { };
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
              String key = p.currentName();
              p.nextToken();
              String folded = key.toLowerCase(Locale.ROOT);
              spelling.putIfAbsent(folded, key);
              types.put(folded, JsonValues.merge(types.get(folded), JsonValues.infer(p)));
            }
          } catch (JsonProcessingException e) {
            if (options.mode() == ParseMode.FAILFAST) {
              throw new EmberException(EmberException.DATA_EXCEPTION,
                  "malformed JSON in " + file + " at line " + number + ": " + e.getOriginalMessage());
            }
            corrupt = true;
          }
        }
      } catch (IOException e) {
        throw HadoopFiles.readError(file, e);
      }
      if (rows >= options.samplingRows()) break;
    }
    List<Field> fields = new ArrayList<>();
    for (Map.Entry<String, DataType> e : types.entrySet()) {
      fields.add(new Field(spelling.get(e.getKey()), JsonValues.finish(e.getValue()), true));
    }
    if (corrupt && options.mode() == ParseMode.PERMISSIVE && !types.containsKey(options.corruptColumn().toLowerCase(Locale.ROOT))) {
      fields.add(new Field(options.corruptColumn(), DataType.VARCHAR, true));
    }
    return new Schema(fields);
  }

  @Override public String name() { return name; }

  public String location() { return location; }

  @Override public Schema schema() { return schema; }

  @Override public Statistics statistics() {
    return new Statistics(OptionalLong.empty(), OptionalLong.of(files.stream().mapToLong(FileStatus::getLen).sum()));
  }

  /** Runs of whole files of about equal size, at most {@code targetSplits}; at least one. */
  @Override public List<ScanSplit> splits(int targetSplits) {
    List<ScanSplit> out = new ArrayList<>();
    for (List<String> group : FileGroups.bySize(files, targetSplits)) out.add(new JsonSplit(group));
    return out;
  }

  @Override public BatchReader open(ScanSplit split, List<String> columns, List<Expr> filters,
                                    BufferAllocator allocator, int batchSize) {
    if (!(split instanceof JsonSplit s)) throw new IllegalArgumentException("not a JSON split: " + split.describe());
    if (batchSize < 1) throw new IllegalArgumentException("batchSize " + batchSize);
    return new JsonBatchReader(s.files(), schema, Projection.of(schema, columns, name), options, allocator, batchSize);
  }

  @Override public String toString() { return name + " (json " + location + ")"; }
}
