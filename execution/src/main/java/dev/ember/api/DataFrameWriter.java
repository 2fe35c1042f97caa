package dev.ember.api;

import dev.ember.catalyst.errors.EmberException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a DataFrame's rows to files, as Spark's {@code df.write()}. Needs the file writers of
 * the datasources module; until they are there, every write fails as not supported.
 */
public final class DataFrameWriter {
  private final DataFrame df;
  private String format = "parquet";
  private String mode = "errorifexists";
  private final Map<String, String> options = new LinkedHashMap<>();
  private final List<String> partitionBy = new ArrayList<>();

  DataFrameWriter(DataFrame df) { this.df = df; }

  public DataFrameWriter format(String source) { this.format = source; return this; }

  /** overwrite, append, errorifexists (the default) or ignore. */
  public DataFrameWriter mode(String saveMode) { this.mode = saveMode.toLowerCase(Locale.ROOT); return this; }

  public DataFrameWriter option(String key, String value) { options.put(key, value); return this; }

  public DataFrameWriter partitionBy(String... cols) { partitionBy.addAll(List.of(cols)); return this; }

  public void save(String path) {
    throw EmberException.notSupported("writing " + format + " files (the file writers are not available yet)");
  }

  public void parquet(String path) { format("parquet").save(path); }

  public void csv(String path) { format("csv").save(path); }

  public void json(String path) { format("json").save(path); }

  public void saveAsTable(String name) {
    throw EmberException.notSupported("saveAsTable (the file writers are not available yet)");
  }
}
