package dev.ember.api;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.datasources.write.SaveMode;
import dev.ember.datasources.write.TaskWriter;
import dev.ember.datasources.write.WriteJob;
import dev.ember.datasources.write.WriteSpec;
import dev.ember.sql.CreateTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes a DataFrame's rows to files, as Spark's {@code df.write()}:
 * {@code df.write().mode("overwrite").partitionBy("k").parquet(path)}. A write is one job of the
 * datasources' writers ({@link WriteJob}): each task of the query's last stage writes its
 * partition's rows through its own task writer into the job's staging directory, in parallel
 * (on the executors in cluster mode: the staging directory must be on a file system they share);
 * the files appear at the target only when every task succeeded and the job commits. A failing
 * task, or a cancel (interrupting the writing thread), aborts the job and leaves the target as it
 * was.
 */
public final class DataFrameWriter {
  private final DataFrame df;
  private String format = "parquet";
  private SaveMode mode = SaveMode.ERROR_IF_EXISTS;
  private final Map<String, String> options = new LinkedHashMap<>();
  private final List<String> partitionBy = new ArrayList<>();

  DataFrameWriter(DataFrame df) { this.df = df; }

  /** parquet (the default), csv or json. */
  public DataFrameWriter format(String source) { this.format = source.toLowerCase(Locale.ROOT); return this; }

  /** overwrite, append, errorifexists (the default; also error) or ignore. */
  public DataFrameWriter mode(String saveMode) {
    this.mode = switch (saveMode.toLowerCase(Locale.ROOT).replace("_", "")) {
      case "overwrite" -> SaveMode.OVERWRITE;
      case "append" -> SaveMode.APPEND;
      case "errorifexists", "error", "default" -> SaveMode.ERROR_IF_EXISTS;
      case "ignore" -> SaveMode.IGNORE;
      default -> throw new EmberException(EmberException.SYNTAX_ERROR, "Unknown save mode '" + saveMode
          + "'. Accepted: overwrite, append, ignore, error, errorifexists");
    };
    return this;
  }

  public DataFrameWriter mode(SaveMode saveMode) { this.mode = saveMode; return this; }

  public DataFrameWriter option(String key, String value) { options.put(key, value); return this; }

  public DataFrameWriter option(String key, boolean value) { return option(key, Boolean.toString(value)); }

  public DataFrameWriter options(Map<String, String> opts) { options.putAll(opts); return this; }

  /** Writes these columns as {@code k=v} directories instead of into the files. */
  public DataFrameWriter partitionBy(String... cols) {
    for (String c : cols) partitionBy.add(df.scope().resolve(c).name());
    return this;
  }

  public void save(String path) {
    WriteSpec spec = new WriteSpec(format, path, mode, df.schema(), partitionBy, options);
    try (WriteJob job = WriteJob.begin(spec)) {
      if (job.skipped()) return;
      df.state.runInto(df.query(), new WriteTasks(job.handle()));
      job.commitJob();
    }
  }

  /**
   * The result tasks' outputs of a write job: serializable, so in cluster mode it travels with
   * each task and the task writes from its executor into the job's staging directory; the driver
   * commits the job.
   */
  private record WriteTasks(WriteJob.Handle job) implements dev.ember.execution.scheduler.ResultTasks, java.io.Serializable {
    @Override public Output open(int partition) { return new TaskOutput(WriteJob.taskWriter(job, partition)); }
  }

  /** One result task's writer, as the scheduler's per-task output. */
  private record TaskOutput(TaskWriter writer) implements dev.ember.execution.scheduler.ResultTasks.Output {
    @Override public void accept(VectorSchemaRoot batch) { writer.write(batch); }

    @Override public void commit() { writer.commit(); }

    @Override public void abort() { writer.abort(); }
  }

  public void parquet(String path) { format("parquet").save(path); }

  public void csv(String path) { format("csv").save(path); }

  public void json(String path) { format("json").save(path); }

  /**
   * Writes the rows as a persistent table of the catalog (files under the catalog directory's
   * {@code warehouse/}), as Spark's {@code saveAsTable}; the save mode applies to the table.
   */
  public void saveAsTable(String name) {
    SessionState state = df.state;
    boolean exists = state.sessionCatalog().table(List.of(name)).isPresent();
    if (exists && mode == SaveMode.ERROR_IF_EXISTS) {
      throw new EmberException(EmberException.DUPLICATE_TABLE, "Table '" + name + "' already exists");
    }
    if (exists && mode == SaveMode.IGNORE) return;
    Path location = Path.of(state.conf(Settings.CATALOG_DIR), "warehouse", name.toLowerCase(Locale.ROOT));
    SaveMode fileMode = exists ? mode : SaveMode.OVERWRITE;
    new DataFrameWriter(df).format(format).mode(fileMode).options(options)
        .partitionBy(partitionBy.toArray(String[]::new)).save(location.toString());
    if (!exists) {
      state.catalogs().createTable(new CreateTable(List.of(name), true, List.of(), format, Map.of(), location.toString()));
    }
  }
}
