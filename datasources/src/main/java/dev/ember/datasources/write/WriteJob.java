package dev.ember.datasources.write;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.fs.CommittedJobs;
import dev.ember.datasources.fs.HadoopFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One write job: {@link #begin} → {@link #newTaskWriter task writers} (one per task of the
 * query's last stage, running in parallel threads) → {@link #commitJob} (everything appears at
 * once) or {@link #abortJob} (nothing appears).
 *
 * <p>Commit protocol. Tasks write into a hidden staging directory next to the target
 * ({@code <parent>/.<name>.ember-staging-<job>/}), each task in its own sub-directory, with file
 * names {@code part-<task>-<job id>.c000.<ext>}; a task commit moves its files into the staging
 * root, a failed task deletes its sub-directory. The job commit writes {@code _SUCCESS}, then:
 * <ul>
 *   <li>no target yet: renames the staging directory to the target — one atomic step;</li>
 *   <li>OVERWRITE: renames the old target aside, the staging directory into its place, and
 *       deletes the old one only after that (if the second rename fails the old target is renamed
 *       back). Between the two renames the target is briefly missing, never half-written;</li>
 *   <li>APPEND: moves the staged files into the target while they are still invisible to readers,
 *       then creates one marker in the target's commit log {@code _ember_jobs/<job id>}, which
 *       makes all of them visible at once ({@link AppendCommit}, {@link CommittedJobs}). Ember's
 *       readers list the log before the files and skip files of jobs without a marker; other
 *       engines that do not know the log may see a job's files while it commits.</li>
 * </ul>
 * A failing, cancelled or aborted job deletes the staging directory (and moves back whatever an
 * APPEND had moved) and leaves the target exactly as it was. Checksum ({@code .crc}) files are
 * not written.
 */
public final class WriteJob implements AutoCloseable {
  /** PostgreSQL's duplicate_file: the target exists and the mode is ERROR_IF_EXISTS. */
  public static final String PATH_EXISTS = "58P02";

  private enum State { OPEN, COMMITTED, ABORTED }

  private final WriteSpec spec;
  private final String jobId;
  private final FileSystem fs;
  private final Path target;
  private final Path staging;
  private final boolean skipped;
  private final JobLayout layout;
  private final List<StagedTaskWriter> tasks = new ArrayList<>();
  private State state = State.OPEN;
  private Runnable beforeAppendMarker = () -> { };

  private WriteJob(WriteSpec spec, String jobId, FileSystem fs, Path target, Path staging,
                   boolean skipped, JobLayout layout) {
    this.spec = spec;
    this.jobId = jobId;
    this.fs = fs;
    this.target = target;
    this.staging = staging;
    this.skipped = skipped;
    this.layout = layout;
  }

  /**
   * Starts a job: checks the spec (format, options, partition columns, types), applies the save
   * mode (ERROR_IF_EXISTS fails with SQLSTATE {@value #PATH_EXISTS} when the path exists; IGNORE
   * makes a {@link #skipped} job) and creates the staging directory.
   */
  public static WriteJob begin(WriteSpec spec) {
    JobLayout layout = JobLayout.of(spec);
    String jobId = UUID.randomUUID().toString();
    Path target = new Path(spec.path());
    FileSystem fs = null;
    try {
      fs = FileSystem.newInstance(target.toUri(), HadoopFiles.configuration());
      fs.setWriteChecksum(false);
      target = fs.makeQualified(target);
      boolean exists = fs.exists(target);
      if (exists && spec.mode() == SaveMode.ERROR_IF_EXISTS) {
        throw new EmberException(PATH_EXISTS, "path " + spec.path() + " already exists"
            + " (write with mode overwrite, append or ignore)");
      }
      if (exists && spec.mode() == SaveMode.APPEND && !fs.getFileStatus(target).isDirectory()) {
        throw new EmberException(PATH_EXISTS, "cannot append to " + spec.path() + ": it is a file, not a directory");
      }
      if (target.getParent() == null) {
        throw new EmberException(EmberException.IO_ERROR, "cannot write to the root directory " + spec.path());
      }
      boolean skip = exists && spec.mode() == SaveMode.IGNORE;
      Path staging = new Path(target.getParent(), "." + target.getName() + ".ember-staging-" + jobId);
      if (!skip && !fs.mkdirs(staging)) {
        throw new IOException("could not create " + staging);
      }
      return new WriteJob(spec, jobId, fs, target, staging, skip, layout);
    } catch (IOException | RuntimeException e) {
      closeQuietly(fs);
      throw e instanceof EmberException ee ? ee
          : new EmberException(EmberException.IO_ERROR, "cannot start writing " + spec.path() + ": " + e.getMessage(), e);
    }
  }

  public WriteSpec spec() { return spec; }

  /** The id in this job's staging directory and file names. */
  public String jobId() { return jobId; }

  /** True when the mode is IGNORE and the target exists: task writers discard their rows. */
  public boolean skipped() { return skipped; }

  /** A writer for task {@code taskId}; safe to call from several threads. */
  public synchronized TaskWriter newTaskWriter(int taskId) {
    requireOpen();
    if (skipped) return DiscardingTaskWriter.INSTANCE;
    StagedTaskWriter w = new StagedTaskWriter(jobId, taskId, fs, false, staging, layout);
    tasks.add(w);
    return w;
  }

  /**
   * What a task writer needs to write into this job's staging directory from another process
   * (an executor; the directory must be on a file system it shares with the driver): see
   * {@link #taskWriter(Handle, int)}.
   */
  public record Handle(WriteSpec spec, String jobId, String staging, boolean skipped) implements java.io.Serializable {}

  public Handle handle() { return new Handle(spec, jobId, staging.toString(), skipped); }

  /**
   * A writer for task {@code taskId} of the job behind {@code handle}, in any process: its files
   * go to its own directory under the job's staging directory, and its commit moves them to the
   * staging root, exactly as {@link #newTaskWriter}'s; the driver's {@link #commitJob} then makes
   * them appear. It opens (and closes when done) its own file system handle.
   */
  public static TaskWriter taskWriter(Handle handle, int taskId) {
    if (handle.skipped()) return DiscardingTaskWriter.INSTANCE;
    JobLayout layout = JobLayout.of(handle.spec());
    Path staging = new Path(handle.staging());
    try {
      FileSystem fs = FileSystem.newInstance(staging.toUri(), HadoopFiles.configuration());
      fs.setWriteChecksum(false);
      return new StagedTaskWriter(handle.jobId(), taskId, fs, true, staging, layout);
    } catch (IOException e) {
      throw new EmberException(EmberException.IO_ERROR, "cannot open " + staging + " for task " + taskId + ": " + e.getMessage(), e);
    }
  }

  /**
   * Makes the output of every committed task appear at the target at once; task writers not yet
   * committed are aborted first. If the commit fails, the target is left as it was.
   */
  public synchronized void commitJob() {
    requireOpen();
    if (skipped) {
      state = State.COMMITTED;
      closeQuietly(fs);
      return;
    }
    try {
      for (StagedTaskWriter t : tasks) if (!t.isCommitted()) t.abort();
      deleteUnfinishedTasks();
      fs.create(new Path(staging, "_SUCCESS"), true).close();
      if (!fs.exists(target)) {
        fs.mkdirs(target.getParent());
        rename(staging, target);
      } else if (spec.mode() == SaveMode.OVERWRITE) {
        swap();
      } else {
        new AppendCommit(fs, staging, target).run(jobId, beforeAppendMarker);
      }
      state = State.COMMITTED;
    } catch (IOException | RuntimeException e) {
      abortJob();
      throw e instanceof EmberException ee ? ee
          : new EmberException(EmberException.IO_ERROR, "cannot commit the write to " + spec.path() + ": " + e.getMessage(), e);
    } finally {
      if (state == State.COMMITTED) closeQuietly(fs);
    }
  }

  /**
   * Deletes the directories of tasks that never committed nor aborted (their process died
   * mid-write: an executor lost in cluster mode), so that none reaches the target.
   */
  private void deleteUnfinishedTasks() throws IOException {
    for (org.apache.hadoop.fs.FileStatus s : fs.listStatus(staging)) {
      if (StagedTaskWriter.isTaskDirectory(s.getPath().getName())) fs.delete(s.getPath(), true);
    }
  }

  /** OVERWRITE of an existing target: old aside, staging in, old deleted; undone on failure. */
  private void swap() throws IOException {
    Path old = new Path(target.getParent(), "." + target.getName() + ".ember-replaced-" + jobId);
    rename(target, old);
    try {
      rename(staging, target);
    } catch (IOException | RuntimeException e) {
      if (!fs.exists(target)) fs.rename(old, target);
      throw e;
    }
    fs.delete(old, true);
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) throw new IOException("could not rename " + from + " to " + to);
  }

  /** Runs {@code hook} when an APPEND's files are in the target but its marker is not (tests). */
  void beforeAppendMarker(Runnable hook) { this.beforeAppendMarker = hook; }

  /** Deletes everything the job staged; the target is untouched. Harmless after a commit. */
  public synchronized void abortJob() {
    if (state != State.OPEN) return;
    state = State.ABORTED;
    for (StagedTaskWriter t : tasks) {
      try {
        t.abort();
      } catch (RuntimeException e) {
        // the staging directory goes below anyway
      }
    }
    try {
      if (!skipped) fs.delete(staging, true);
    } catch (IOException e) {
      // a leftover hidden staging directory is never read; nothing more to do
    } finally {
      closeQuietly(fs);
    }
  }

  /** Aborts unless committed. */
  @Override public void close() { abortJob(); }

  private void requireOpen() {
    if (state != State.OPEN) throw new IllegalStateException("write job " + jobId + " is " + state.name().toLowerCase(Locale.ROOT));
  }

  private static void closeQuietly(FileSystem fs) {
    if (fs == null) return;
    try {
      fs.close();
    } catch (IOException e) {
      // nothing buffered in a file system handle
    }
  }

  /** Which spec columns go into the files and which become directories, checked up front. */
  record JobLayout(Schema schema, int[] partitionIndexes, int[] dataIndexes, Schema dataSchema,
                   FileFormatWriter format) {
    static JobLayout of(WriteSpec spec) {
      Schema schema = spec.schema();
      Set<Integer> partitions = new HashSet<>();
      int[] partitionIndexes = new int[spec.partitionBy().size()];
      for (int i = 0; i < partitionIndexes.length; i++) {
        String name = spec.partitionBy().get(i);
        int at = schema.indexOf(name);
        if (at < 0) {
          throw new EmberException(EmberException.UNDEFINED_COLUMN, "partition column '" + name
              + "' is not in the data written " + schema);
        }
        if (!partitions.add(at)) {
          throw new EmberException(EmberException.SYNTAX_ERROR, "partition column '" + name + "' is named twice");
        }
        if (schema.field(at).type().isInterval() || schema.field(at).type().isArray()
            || schema.field(at).type().id() == dev.ember.catalyst.types.TypeId.VARBINARY) {
          throw EmberException.notSupported("partitioning by column '" + name + "' of type " + schema.field(at).type().sql());
        }
        partitionIndexes[i] = at;
      }
      if (partitions.size() == schema.size() && schema.size() > 0) {
        throw new EmberException(EmberException.SYNTAX_ERROR, "cannot partition by every column: no data would be left for the files");
      }
      int[] dataIndexes = new int[schema.size() - partitions.size()];
      List<Field> dataFields = new ArrayList<>();
      for (int i = 0, d = 0; i < schema.size(); i++) {
        if (partitions.contains(i)) continue;
        dataIndexes[d++] = i;
        dataFields.add(schema.field(i));
      }
      Schema dataSchema = new Schema(dataFields);
      return new JobLayout(schema, partitionIndexes, dataIndexes, dataSchema,
          OutputFormats.forFormat(spec.format(), dataSchema, spec.options()));
    }
  }
}
