package dev.ember.execution.spill;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.execution.memory.SpillMetrics;
import dev.ember.execution.operator.BatchSource;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * One spill file: Arrow batches written once as an Arrow IPC stream, then read back (any number
 * of times) as a {@link BatchSource}. Closing deletes the file — owners close it when they end,
 * also on failure and cancellation (track it with the task to be sure). Written rows and bytes
 * are counted in the query's {@link SpillMetrics} when writing finishes.
 */
public final class SpillFile implements AutoCloseable {
  /** Spill files created and not yet deleted, process-wide. */
  private static final AtomicLong LIVE = new AtomicLong();
  private final Path path;
  private final Schema schema;
  private final SpillMetrics metrics;
  private VectorSchemaRoot writeRoot;
  private ArrowStreamWriter writer;
  private OutputStream out;
  private final List<BatchSource> readers = new ArrayList<>();
  private long rows;
  private long bytes;
  private boolean finished;
  private boolean deleted;

  /**
   * Creates the file for batches of {@code schema}; {@code allocator} holds the writer's (empty)
   * staging root. {@code prefix} names the operator ("agg", "sort").
   */
  public SpillFile(String prefix, Schema schema, BufferAllocator allocator, SpillMetrics metrics) {
    this.path = SpillDirectory.newPath(prefix);
    this.schema = schema;
    this.metrics = metrics;
    LIVE.incrementAndGet();
    try {
      out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
      writeRoot = VectorSchemaRoot.create(schema, allocator);
      writer = new ArrowStreamWriter(writeRoot, null, out);
      writer.start();
    } catch (IOException | RuntimeException e) {
      close();
      throw failure("create", e);
    }
  }

  /** Spill files created and not yet closed (deleted) in this process: the leak check after each test reads it. */
  public static long liveFiles() { return LIVE.get(); }

  public Path path() { return path; }

  public Schema schema() { return schema; }

  /** Rows written. */
  public long rows() { return rows; }

  /** Bytes of the file (known once {@link #finish}ed). */
  public long bytes() { return bytes; }

  /** Appends {@code batch} (which stays the caller's). */
  public void write(VectorSchemaRoot batch) {
    if (finished) throw new IllegalStateException("spill file " + path + " is finished");
    if (batch.getRowCount() == 0) return;
    try (ArrowRecordBatch rb = new VectorUnloader(batch).getRecordBatch()) {
      new VectorLoader(writeRoot).load(rb);
      writer.writeBatch();
      rows += batch.getRowCount();
    } catch (IOException e) {
      throw failure("write", e);
    } finally {
      writeRoot.clear();
    }
  }

  /** Ends writing; the file can be read from now on. */
  public void finish() {
    if (finished) return;
    finished = true;
    try {
      writer.end();
      writer.close();
      bytes = Files.size(path);
    } catch (IOException e) {
      throw failure("write", e);
    } finally {
      writeRoot.close();
      writeRoot = null;
      writer = null;
    }
    metrics.fileWritten(rows, bytes);
  }

  /** The batches written, in order, each allocated from {@code allocator} and owned by the caller. */
  public BatchSource read(BufferAllocator allocator) {
    finish();
    try {
      InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
      Reader r = new Reader(new ArrowStreamReader(in, allocator), allocator);
      readers.add(r);
      return r;
    } catch (IOException e) {
      throw failure("read", e);
    }
  }

  private EmberException failure(String what, Exception e) {
    return new EmberException(EmberException.IO_ERROR, "cannot " + what + " spill file " + path + ": " + e.getMessage(), e);
  }

  /** Closes open readers and deletes the file. */
  @Override public void close() {
    if (deleted) return;
    deleted = true;
    LIVE.decrementAndGet();
    for (BatchSource r : readers) r.close();
    readers.clear();
    try {
      if (writer != null) writer.close();
      else if (out != null) out.close();
    } catch (RuntimeException | IOException ignored) {
      // the file goes anyway
    }
    if (writeRoot != null) writeRoot.close();
    writeRoot = null;
    writer = null;
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      path.toFile().deleteOnExit();
    }
  }

  /** Reads the stream batch by batch, moving each batch's buffers out of the reader's root. */
  private final class Reader implements BatchSource {
    private final ArrowStreamReader reader;
    private final BufferAllocator allocator;
    private boolean closed;

    Reader(ArrowStreamReader reader, BufferAllocator allocator) {
      this.reader = reader;
      this.allocator = allocator;
    }

    @Override public VectorSchemaRoot next() {
      if (closed) return null;
      try {
        while (reader.loadNextBatch()) {
          VectorSchemaRoot root = reader.getVectorSchemaRoot();
          int n = root.getRowCount();
          if (n == 0) continue;
          List<FieldVector> moved = new ArrayList<>();
          for (FieldVector v : root.getFieldVectors()) {
            TransferPair tp = v.getTransferPair(allocator);
            tp.transfer();
            moved.add((FieldVector) tp.getTo());
          }
          VectorSchemaRoot batch = new VectorSchemaRoot(moved);
          batch.setRowCount(n);
          return batch;
        }
        close();
        return null;
      } catch (IOException e) {
        throw failure("read", e);
      }
    }

    @Override public void close() {
      if (closed) return;
      closed = true;
      try {
        reader.close();
      } catch (IOException ignored) {
        // reading is over either way
      }
    }
  }
}
