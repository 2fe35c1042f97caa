package dev.ember.datasources.write;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Field;
import dev.ember.datasources.arrow.ArrowValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A task's writer: files go to its own directory under the job's staging directory, one file per
 * partition directory the task meets (kept open until the task ends); {@link #commit} moves them to
 * the staging root, {@link #abort} deletes them.
 */
final class StagedTaskWriter implements TaskWriter {
  private enum State { OPEN, COMMITTED, ABORTED }

  private final String jobId;
  private final int taskId;
  private final FileSystem fs;
  /** Whether this writer opened {@link #fs} itself (a task on an executor) and closes it when done. */
  private final boolean ownsFs;
  private final Path staging;
  private final Path taskDir;
  private final WriteJob.JobLayout layout;
  private final Map<String, FileWriter> writers = new LinkedHashMap<>();
  private final List<String> files = new ArrayList<>();
  private volatile State state = State.OPEN;

  StagedTaskWriter(String jobId, int taskId, FileSystem fs, boolean ownsFs, Path staging, WriteJob.JobLayout layout) {
    this.jobId = jobId;
    this.taskId = taskId;
    this.fs = fs;
    this.ownsFs = ownsFs;
    this.staging = staging;
    this.taskDir = new Path(staging, "_task-" + taskId + "-" + UUID.randomUUID());
    this.layout = layout;
  }

  boolean isCommitted() { return state == State.COMMITTED; }

  @Override public void write(VectorSchemaRoot batch) {
    if (state != State.OPEN) throw new IllegalStateException("task writer " + taskId + " is " + state);
    List<FieldVector> vectors = batch.getFieldVectors();
    if (vectors.size() != layout.schema().size()) {
      throw new IllegalArgumentException("batch has " + vectors.size() + " columns, the write expects "
          + layout.schema().size() + " " + layout.schema());
    }
    List<FieldVector> data = new ArrayList<>(layout.dataIndexes().length);
    for (int i : layout.dataIndexes()) data.add(vectors.get(i));
    int n = batch.getRowCount();
    if (n == 0) return;
    if (layout.partitionIndexes().length == 0) {
      int[] rows = new int[n];
      for (int i = 0; i < n; i++) rows[i] = i;
      writer("").write(data, rows, n);
      return;
    }
    Map<String, int[]> groups = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int r = 0; r < n; r++) {
      String dir = partitionDirectory(vectors, r);
      int[] rows = groups.get(dir);
      int c = counts.getOrDefault(dir, 0);
      if (rows == null) {
        rows = new int[Math.min(n, 64)];
      } else if (c == rows.length) {
        rows = Arrays.copyOf(rows, Math.min(n, rows.length * 2));
      }
      rows[c] = r;
      groups.put(dir, rows);
      counts.put(dir, c + 1);
    }
    for (Map.Entry<String, int[]> g : groups.entrySet()) {
      writer(g.getKey()).write(data, g.getValue(), counts.get(g.getKey()));
    }
  }

  private String partitionDirectory(List<FieldVector> vectors, int row) {
    StringBuilder b = new StringBuilder();
    for (int p : layout.partitionIndexes()) {
      Field f = layout.schema().field(p);
      if (b.length() > 0) b.append('/');
      b.append(PartitionPaths.directory(f.name(), f.type(), ArrowValues.get(vectors.get(p), row, f.type())));
    }
    return b.toString();
  }

  private FileWriter writer(String partitionDir) {
    FileWriter w = writers.get(partitionDir);
    if (w != null) return w;
    String name = String.format("part-%05d-%s.c000%s", taskId, jobId, layout.format().extension());
    String relative = partitionDir.isEmpty() ? name : partitionDir + "/" + name;
    Path file = new Path(taskDir, relative);
    FSDataOutputStream out;
    try {
      out = fs.create(file, false);
    } catch (IOException e) {
      throw new EmberException(EmberException.IO_ERROR, "cannot create " + file + ": " + e.getMessage(), e);
    }
    files.add(relative);
    w = layout.format().open(out, file.toString());
    writers.put(partitionDir, w);
    return w;
  }

  @Override public void commit() {
    if (state != State.OPEN) throw new IllegalStateException("task writer " + taskId + " is " + state);
    try {
      closeWriters(true);
      for (String relative : files) {
        Path dest = new Path(staging, relative);
        fs.mkdirs(dest.getParent());
        if (!fs.rename(new Path(taskDir, relative), dest)) {
          throw new IOException("could not move " + relative + " into " + staging);
        }
      }
      fs.delete(taskDir, true);
      state = State.COMMITTED;
      closeFs();
    } catch (IOException | RuntimeException e) {
      abort();
      throw e instanceof EmberException ee ? ee
          : new EmberException(EmberException.IO_ERROR, "cannot commit task " + taskId + ": " + e.getMessage(), e);
    }
  }

  /** Closes every open file; with {@code rethrow} the first failure propagates after all are closed. */
  private void closeWriters(boolean rethrow) {
    RuntimeException first = null;
    for (FileWriter w : writers.values()) {
      try {
        w.close();
      } catch (RuntimeException e) {
        if (first == null) first = e;
      }
    }
    writers.clear();
    if (rethrow && first != null) throw first;
  }

  @Override public void abort() {
    if (state == State.ABORTED) return;
    if (state == State.COMMITTED) {
      // the files already sit in the staging root; only the job's abort removes them
      return;
    }
    state = State.ABORTED;
    closeWriters(false);
    try {
      fs.delete(taskDir, true);
    } catch (IOException e) {
      // the job's abort deletes the whole staging directory
    } finally {
      closeFs();
    }
  }

  private void closeFs() {
    if (!ownsFs) return;
    try {
      fs.close();
    } catch (IOException e) {
      // nothing buffered in a file system handle
    }
  }

  @Override public void close() {
    if (state == State.OPEN) abort();
  }

  /** A task's own directory under the staging directory: what a task that never ended leaves there. */
  static boolean isTaskDirectory(String name) { return name.startsWith("_task-"); }

  /** Files this task produced so far, relative to the job output (for tests and logs). */
  List<String> files() { return List.copyOf(files); }
}
