package dev.ember.execution.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.execution.cluster.shuffle.ArrowBlocks;
import dev.ember.execution.cluster.shuffle.BlockFetcher;
import dev.ember.execution.cluster.shuffle.FetchFailedException;
import dev.ember.execution.cluster.shuffle.RemoteStageInputs;
import dev.ember.execution.cluster.shuffle.ShuffleFileWriter;
import dev.ember.execution.cluster.shuffle.ShuffleFiles;
import dev.ember.execution.operator.BatchSource;
import dev.ember.execution.operator.Batches;
import dev.ember.planner.physical.PartitionRange;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shuffle file of a map task: blocks read back through the index give the rows written, an
 * empty partition costs nothing, and a block damaged on disk is refused by its checksum as a
 * fetch failure (so the driver re-runs the map task) instead of being read as wrong rows. The
 * writer streams batches to disk yet writes blocks byte for byte as {@link ArrowBlocks#encode}
 * would, and a partition of many blocks streams back in order through a one-block window.
 */
class ShuffleFilesTest {
  private final BufferAllocator allocator = new RootAllocator();
  @TempDir Path dir;

  @AfterEach void closeAllocator() { allocator.close(); }

  @Test void partitionsReadBackThroughTheIndex() {
    ShuffleFiles files = new ShuffleFiles(dir);
    long[] sizes = write(files, List.of(List.of(1L, 2L), List.of(), List.of(3L, 4L, 5L)));
    assertTrue(sizes[0] > 0 && sizes[2] > 0);
    assertEquals(0, sizes[1]);
    List<VectorSchemaRoot> p2 = inputs(files, sizes).take(0, 2);
    try {
      assertEquals(List.of(3L, 4L, 5L), values(p2));
    } finally {
      Batches.closeAll(p2);
    }
    assertEquals(List.of(), inputs(files, sizes).take(0, 1));
    files.deleteQuery("q1");
    assertTrue(!Files.exists(dir.resolve("q1")));
  }

  @Test void aCorruptBlockIsAFetchFailure() throws Exception {
    ShuffleFiles files = new ShuffleFiles(dir);
    long[] sizes = write(files, List.of(List.of(1L, 2L, 3L)));
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("q1").resolve("shuffle_0_0_0.data").toFile(), "rw")) {
      f.seek(f.length() - 20);
      int b = f.read();
      f.seek(f.length() - 20);
      f.write(b ^ 0xff);
    }
    FetchFailedException e = assertThrows(FetchFailedException.class, () -> inputs(files, sizes).take(0, 0));
    assertEquals("exec-a", e.executorId());
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }

  @Test void streamedBlocksAreTheEncodedBatchesAndLeaveNoTemporaryFile() throws Exception {
    ShuffleFiles files = new ShuffleFiles(dir);
    List<VectorSchemaRoot> p0 = List.of(batch(List.of(1L, 2L)), batch(List.of(3L)));
    List<VectorSchemaRoot> p2 = List.of(batch(List.of(7L)), batch(List.of(8L, 9L)));
    try (ShuffleFileWriter writer = files.open("q1", 0, 0, 0, 3)) {
      // interleaved, as a map task's batches split by key arrive
      writer.add(0, p0.get(0));
      writer.add(2, p2.get(0));
      writer.add(0, p0.get(1));
      writer.add(2, p2.get(1));
      long[] sizes = writer.commit();
      byte[] expected0 = ArrowBlocks.encode(p0);
      byte[] expected2 = ArrowBlocks.encode(p2);
      assertArrayEquals(new long[] {expected0.length, 0, expected2.length}, sizes);
      Messages.Block b0 = files.read("q1", 0, 0, 0, 0);
      Messages.Block b2 = files.read("q1", 0, 0, 0, 2);
      assertArrayEquals(expected0, b0.data());
      assertArrayEquals(expected2, b2.data());
      assertEquals(ShuffleFiles.crc32(expected2), b2.crc32());
    } finally {
      Batches.closeAll(p0);
      Batches.closeAll(p2);
    }
    try (var names = Files.list(dir.resolve("q1"))) {
      assertEquals(List.of("shuffle_0_0_0.data", "shuffle_0_0_0.index"), names.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  @Test void aWriterClosedBeforeCommittingLeavesNothing() throws Exception {
    ShuffleFiles files = new ShuffleFiles(dir);
    try (VectorSchemaRoot b = batch(List.of(1L, 2L)); ShuffleFileWriter writer = files.open("q1", 0, 0, 0, 2)) {
      writer.add(1, b);
    }
    try (var names = Files.list(dir.resolve("q1"))) {
      assertEquals(List.of(), names.toList());
    }
  }

  @Test void aPartitionOfManyBlocksStreamsBackInOrderThroughASmallWindow() {
    ShuffleFiles files = new ShuffleFiles(dir);
    List<MapOutput> outputs = new ArrayList<>();
    List<Long> expected = new ArrayList<>();
    for (int map = 0; map < 4; map++) {
      List<Long> rows = List.of(map * 10L, map * 10L + 1);
      expected.addAll(rows);
      VectorSchemaRoot b = batch(rows);
      try {
        long[] sizes = files.write("q1", 0, map, 0, List.of(List.of(), List.of(b)));
        outputs.add(new MapOutput(0, map, 0, "exec-a", "127.0.0.1", 1, sizes));
      } finally {
        b.close();
      }
    }
    // a window of one byte: one block requested at a time
    RemoteStageInputs inputs = new RemoteStageInputs("q1", Map.of(0, outputs), new BlockFetcher("exec-a", files, null),
        allocator, 1, new java.util.concurrent.atomic.AtomicLong());
    List<VectorSchemaRoot> read = new ArrayList<>();
    try (BatchSource source = inputs.open(0, 1, 0, PartitionRange.ALL_MAPS, allocator)) {
      VectorSchemaRoot b;
      while ((b = source.next()) != null) read.add(b);
      assertEquals(expected, values(read));
      assertEquals(4, read.size());
    } finally {
      Batches.closeAll(read);
    }
    try (BatchSource source = inputs.open(0, 0, 0, PartitionRange.ALL_MAPS, allocator)) {
      assertEquals(null, source.next());
    }
  }

  private RemoteStageInputs inputs(ShuffleFiles files, long[] sizes) {
    MapOutput out = new MapOutput(0, 0, 0, "exec-a", "127.0.0.1", 1, sizes);
    // The blocks are this executor's own: read from its files, no network (hence no endpoint).
    return new RemoteStageInputs("q1", Map.of(0, List.of(out)), new BlockFetcher("exec-a", files, null), allocator, 1 << 20,
        new java.util.concurrent.atomic.AtomicLong());
  }

  private long[] write(ShuffleFiles files, List<List<Long>> partitions) {
    List<List<VectorSchemaRoot>> batches = new ArrayList<>();
    try {
      for (List<Long> part : partitions) batches.add(part.isEmpty() ? List.of() : List.of(batch(part)));
      return files.write("q1", 0, 0, 0, batches);
    } finally {
      batches.forEach(Batches::closeAll);
    }
  }

  private VectorSchemaRoot batch(List<Long> values) {
    Schema schema = new Schema(List.of(Field.nullable("x", new ArrowType.Int(64, true))));
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    BigIntVector v = (BigIntVector) root.getVector(0);
    v.allocateNew(values.size());
    for (int i = 0; i < values.size(); i++) v.set(i, values.get(i));
    v.setValueCount(values.size());
    root.setRowCount(values.size());
    return root;
  }

  private static List<Long> values(List<VectorSchemaRoot> batches) {
    List<Long> out = new ArrayList<>();
    for (VectorSchemaRoot b : batches) {
      BigIntVector v = (BigIntVector) b.getVector(0);
      for (int i = 0; i < b.getRowCount(); i++) out.add(v.get(i));
    }
    return out;
  }
}
