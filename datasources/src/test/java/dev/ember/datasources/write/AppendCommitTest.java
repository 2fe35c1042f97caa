package dev.ember.datasources.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.Utf8String;
import dev.ember.datasources.fs.CommittedJobs;
import dev.ember.datasources.fs.HadoopFiles;
import dev.ember.datasources.partition.PartitionDirectory;
import dev.ember.datasources.partition.PartitionDiscovery;
import dev.ember.datasources.testing.DuckDb;
import dev.ember.datasources.testing.Roots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * APPEND commits through the target's commit log: a job's files are in the target before its
 * marker, yet readers see none of them until the marker exists, then all of them.
 */
class AppendCommitTest {
  private static final Schema SCHEMA = Schema.of(new Field("k", DataType.INT, true), new Field("v", DataType.VARCHAR, true));

  @TempDir Path dir;
  private static DuckDb duck;
  private BufferAllocator allocator;

  @BeforeAll static void start() { duck = new DuckDb(); }

  @AfterAll static void stop() { duck.close(); }

  @BeforeEach void allocate() { allocator = new RootAllocator(); }

  @AfterEach void checkNoLeak() { allocator.close(); }

  private static List<List<Object>> rows(int from, int to, String v) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = from; i < to; i++) rows.add(Arrays.asList(i, Utf8String.of(v)));
    return rows;
  }

  private WriteJob job(Path target, SaveMode mode, String... partitionBy) {
    return WriteJob.begin(new WriteSpec("parquet", target.toString(), mode, SCHEMA, List.of(partitionBy), Map.of()));
  }

  /** Writes {@code rows} in two tasks of one job; {@code hook} runs before an append's marker. */
  private void write(Path target, SaveMode mode, List<List<Object>> rows, Runnable hook, String... partitionBy) {
    try (WriteJob job = job(target, mode, partitionBy)) {
      job.beforeAppendMarker(hook);
      int half = rows.size() / 2;
      for (int t = 0; t < 2; t++) {
        try (TaskWriter w = job.newTaskWriter(t);
             VectorSchemaRoot b = Roots.of(SCHEMA, allocator, t == 0 ? rows.subList(0, half) : rows.subList(half, rows.size()))) {
          w.write(b);
          w.commit();
        }
      }
      job.commitJob();
    }
  }

  /** The parquet files Ember's readers see under {@code target}. */
  private static List<String> visible(Path target) {
    return HadoopFiles.list(target.toString(), n -> n.endsWith(".parquet")).stream()
        .map(s -> s.getPath().toUri().getPath()).sorted().toList();
  }

  /** Every parquet file physically under {@code target}. */
  private static List<String> physical(Path target) {
    try (Stream<Path> s = Files.walk(target)) {
      return s.filter(p -> p.toString().endsWith(".parquet")).map(Path::toString).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** DuckDB's row count over exactly the files Ember sees. */
  private long rowsSeen(Path target) {
    String files = visible(target).stream().map(f -> "'" + f + "'").collect(Collectors.joining(", "));
    return (Long) duck.value("SELECT count(*) FROM read_parquet([" + files + "])");
  }

  @Test void appendedFilesStayInvisibleUntilTheMarker() {
    Path target = dir.resolve("t");
    write(target, SaveMode.OVERWRITE, rows(0, 10, "a"), () -> { });
    List<String> before = visible(target);
    List<String> seenMidCommit = new ArrayList<>();
    List<String> presentMidCommit = new ArrayList<>();
    write(target, SaveMode.APPEND, rows(10, 30, "b"), () -> {
      seenMidCommit.addAll(visible(target));
      presentMidCommit.addAll(physical(target));
    });
    assertEquals(before, seenMidCommit, "a reader during the commit sees the table as before");
    assertEquals(before.size() + 2, presentMidCommit.size(), "both tasks' files were already in place");
    assertEquals(before.size() + 2, visible(target).size());
    assertEquals(30L, rowsSeen(target));
    assertEquals(before.size() + 2, physical(target).size());
  }

  @Test void aNewPartitionAppearsOnlyWithItsJob() {
    Path target = dir.resolve("p");
    write(target, SaveMode.OVERWRITE, rows(0, 10, "a"), () -> { }, "v");
    List<String> midCommit = new ArrayList<>();
    write(target, SaveMode.APPEND, rows(10, 14, "new"), () -> midCommit.addAll(partitions(target)), "v");
    assertEquals(List.of("a"), midCommit);
    assertEquals(List.of("a", "new"), partitions(target));
  }

  /**
   * A partitioned table opened while an append commits between the listings of its partitions is
   * listed again: it shows the job in every partition or in none.
   */
  @Test void aPartitionedListingOverlappingACommitIsRedone() {
    Path target = dir.resolve("p");
    List<List<Object>> old = new ArrayList<>(rows(0, 10, "a"));
    old.addAll(rows(10, 20, "b"));
    write(target, SaveMode.OVERWRITE, old, () -> { }, "v");
    List<List<Object>> added = new ArrayList<>(rows(100, 103, "a"));
    added.addAll(rows(103, 106, "b"));
    int[] opened = {0};
    dev.ember.datasources.DataSourceTable table = dev.ember.datasources.partition.PartitionedTable.open("p",
        target.toString(), null, (directory, schema, metrics) -> {
          if (opened[0]++ == 1) write(target, SaveMode.APPEND, added, () -> { }, "v"); // after the first partition
          return dev.ember.datasources.parquet.ParquetTable.open("p", directory, schema, metrics);
        }).orElseThrow();
    assertTrue(opened[0] > 2, "the listing was redone");
    assertEquals(26L, table.statistics().rowCount().getAsLong(), "the append is seen in both partitions");
  }

  private static List<String> partitions(Path target) {
    return PartitionDiscovery.discover(target.toString(), null).orElseThrow().directories().stream()
        .map(PartitionDirectory::values).map(v -> v.get(0).toString()).sorted().toList();
  }

  @Test void aFailureBeforeTheMarkerMovesEverythingBack() throws IOException {
    Path target = dir.resolve("t");
    write(target, SaveMode.OVERWRITE, rows(0, 10, "a"), () -> { }, "v");
    List<String> before = listing(target);
    assertThrows(RuntimeException.class, () -> write(target, SaveMode.APPEND, rows(10, 20, "b"),
        () -> { throw new IllegalStateException("crash before the marker"); }, "v"));
    assertEquals(before, listing(target));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of("t"), s.map(p -> p.getFileName().toString()).toList(), "no staging left");
    }
  }

  @Test void filesOfOtherWritersAndOfOldJobsStayVisible() throws IOException {
    Path target = dir.resolve("t");
    write(target, SaveMode.OVERWRITE, rows(0, 10, "a"), () -> { });
    Files.copy(Path.of(physical(target).get(0)), target.resolve("data.parquet"));
    write(target, SaveMode.APPEND, rows(10, 20, "b"), () -> { });
    assertTrue(Files.isDirectory(target.resolve(CommittedJobs.LOG_DIR)));
    assertEquals(5, visible(target).size());
    // a file named as a job's whose job never committed is not part of the table
    Path stray = target.resolve("part-00009-0f0e0d0c-0b0a-0908-0706-050403020100.c000.parquet");
    Files.copy(target.resolve("data.parquet"), stray);
    assertFalse(visible(target).contains(stray.toString()));
    assertEquals(5, visible(target).size());
    long firstFileRows = (Long) duck.value("SELECT count(*) FROM read_parquet('" + target.resolve("data.parquet") + "')");
    assertEquals(20L + firstFileRows, rowsSeen(target));
  }

  private static List<String> listing(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.map(p -> root.relativize(p) + (Files.isRegularFile(p) ? " " + p.toFile().length() : "/")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
