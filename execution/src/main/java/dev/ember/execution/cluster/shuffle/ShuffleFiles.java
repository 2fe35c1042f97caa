package dev.ember.execution.cluster.shuffle;

import dev.ember.execution.cluster.Messages;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * An executor's shuffle files. A map task writes ONE data file holding its output partitions one
 * after the other, each an Arrow IPC stream (a "block"), and an index file beside it:
 * <pre>
 * &lt;dir&gt;/&lt;query&gt;/shuffle_&lt;stage&gt;_&lt;map&gt;_&lt;attempt&gt;.data    block 0 | block 1 | …
 * &lt;dir&gt;/&lt;query&gt;/shuffle_&lt;stage&gt;_&lt;map&gt;_&lt;attempt&gt;.index   int partitions, then per partition:
 *                                                  long offset, long length, long crc32
 * </pre>
 * Reducers get a block with its CRC32 and check it after the transfer.
 */
public final class ShuffleFiles {
  private final Path dir;

  public ShuffleFiles(Path dir) { this.dir = dir; }

  public Path dir() { return dir; }

  /**
   * Opens the writer of a map task's output: batches go to disk as they come, so the task's
   * output is never held in memory (see {@link ShuffleFileWriter}).
   */
  public ShuffleFileWriter open(String queryId, int stage, int map, int attempt, int partitions) {
    Path base = dir.resolve(queryId);
    try {
      Files.createDirectories(base);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write shuffle output of stage " + stage + " task " + map, e);
    }
    return new ShuffleFileWriter(base, name(stage, map, attempt), partitions);
  }

  /** Writes a map task's output (one list of batches per partition); returns the bytes per partition. */
  public long[] write(String queryId, int stage, int map, int attempt, List<List<org.apache.arrow.vector.VectorSchemaRoot>> partitions) {
    try (ShuffleFileWriter writer = open(queryId, stage, map, attempt, partitions.size())) {
      for (int p = 0; p < partitions.size(); p++) {
        for (org.apache.arrow.vector.VectorSchemaRoot b : partitions.get(p)) writer.add(p, b);
      }
      return writer.commit();
    }
  }

  /** One block and its checksum, read through the index. */
  public Messages.Block read(String queryId, int stage, int map, int attempt, int partition) {
    Path base = dir.resolve(queryId);
    String name = name(stage, map, attempt);
    try (var idx = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(base.resolve(name + ".index"))))) {
      int n = idx.readInt();
      if (partition >= n) throw new IllegalArgumentException("partition " + partition + " of " + n + " in " + name);
      idx.skipNBytes(24L * partition);
      long offset = idx.readLong(), length = idx.readLong(), crc = idx.readLong();
      byte[] block = new byte[Math.toIntExact(length)];
      try (RandomAccessFile f = new RandomAccessFile(base.resolve(name + ".data").toFile(), "r")) {
        f.seek(offset);
        f.readFully(block);
      }
      return new Messages.Block(block, crc);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read shuffle block " + name + " partition " + partition, e);
    }
  }

  /** Deletes a query's shuffle files. */
  public void deleteQuery(String queryId) { deleteTree(dir.resolve(queryId)); }

  public static void deleteTree(Path root) {
    if (!Files.exists(root)) return;
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a leftover temporary file is not worth failing a query for
    }
  }

  public static long crc32(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return crc.getValue();
  }

  private static String name(int stage, int map, int attempt) { return "shuffle_" + stage + "_" + map + "_" + attempt; }
}
