package dev.ember.datasources.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.Utf8String;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The commit protocol: save modes, atomic commit, and failed or aborted jobs leaving no trace. */
class WriteJobTest {
  static final Schema SCHEMA = Schema.of(new Field("k", DataType.INT, true), new Field("v", DataType.VARCHAR, true));

  @TempDir Path dir;
  private static DuckDb duck;
  private BufferAllocator allocator;

  @BeforeAll static void start() { duck = new DuckDb(); }

  @AfterAll static void stop() { duck.close(); }

  @BeforeEach void allocate() { allocator = new RootAllocator(); }

  @AfterEach void checkNoLeak() { allocator.close(); }

  private List<List<Object>> rows(int from, int to) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = from; i < to; i++) rows.add(Arrays.asList(i % 3 == 0 ? null : i, Utf8String.of("v" + i)));
    return rows;
  }

  private WriteSpec spec(Path target, SaveMode mode, String... partitionBy) {
    return new WriteSpec("parquet", target.toString(), mode, SCHEMA, List.of(partitionBy), Map.of());
  }

  /** Writes rows [from, to) in {@code tasks} tasks and commits. */
  private void write(WriteSpec spec, int from, int to, int tasks) {
    try (WriteJob job = WriteJob.begin(spec)) {
      int per = (to - from + tasks - 1) / tasks;
      for (int t = 0; t < tasks; t++) {
        try (TaskWriter w = job.newTaskWriter(t);
             VectorSchemaRoot b = Roots.of(SCHEMA, allocator, rows(from + t * per, Math.min(to, from + (t + 1) * per)))) {
          w.write(b);
          w.commit();
        }
      }
      job.commitJob();
    }
  }

  private long count(Path target) {
    return (Long) duck.value("SELECT count(*) FROM read_parquet('" + target + "/**/*.parquet')");
  }

  /** Every path under {@code root} (relative), with file sizes, sorted: the "exactly as it was" check. */
  private static List<String> listing(Path root) {
    if (!Files.exists(root)) return List.of("<missing>");
    try (Stream<Path> s = Files.walk(root)) {
      return s.map(p -> root.relativize(p) + (Files.isRegularFile(p) ? " " + p.toFile().length() : "/")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names in the target's parent: a staging directory must not outlive its job. */
  private List<String> siblings() {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test void writesInParallelTasksAndMarksSuccess() throws Exception {
    Path target = dir.resolve("t");
    try (WriteJob job = WriteJob.begin(spec(target, SaveMode.ERROR_IF_EXISTS))) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int task = t;
          done.add(pool.submit(() -> {
            try (TaskWriter w = job.newTaskWriter(task);
                 VectorSchemaRoot b = Roots.of(SCHEMA, allocator, rows(task * 100, task * 100 + 100))) {
              w.write(b);
              w.write(b);
              w.commit();
            }
          }));
        }
        for (Future<?> f : done) f.get();
      } finally {
        pool.shutdown();
      }
      assertFalse(Files.exists(target), "nothing visible before the job commits");
      job.commitJob();
    }
    assertTrue(Files.exists(target.resolve("_SUCCESS")));
    assertEquals(1600L, count(target));
    assertEquals(List.of("t"), siblings());
    assertEquals(List.of(List.of(1066L, 800L)), duck.rows("SELECT count(k), count(DISTINCT v) FROM read_parquet('" + target + "/*.parquet')"));
  }

  @Test void errorIfExistsFailsBeforeWriting() {
    Path target = dir.resolve("t");
    write(spec(target, SaveMode.ERROR_IF_EXISTS), 0, 10, 1);
    List<String> before = listing(target);
    EmberException e = assertThrows(EmberException.class, () -> WriteJob.begin(spec(target, SaveMode.ERROR_IF_EXISTS)));
    assertEquals(WriteJob.PATH_EXISTS, e.sqlState());
    assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
    assertEquals(before, listing(target));
  }

  @Test void ignoreLeavesAnExistingTargetAlone() {
    Path target = dir.resolve("t");
    write(spec(target, SaveMode.ERROR_IF_EXISTS), 0, 10, 1);
    List<String> before = listing(target);
    try (WriteJob job = WriteJob.begin(spec(target, SaveMode.IGNORE))) {
      assertTrue(job.skipped());
      try (TaskWriter w = job.newTaskWriter(0); VectorSchemaRoot b = Roots.of(SCHEMA, allocator, rows(0, 50))) {
        w.write(b);
        w.commit();
      }
      job.commitJob();
    }
    assertEquals(before, listing(target));
    assertEquals(List.of("t"), siblings());
    try (WriteJob job = WriteJob.begin(spec(dir.resolve("new"), SaveMode.IGNORE))) {
      assertFalse(job.skipped());
    }
  }

  @Test void overwriteReplacesAndAppendAdds() {
    Path target = dir.resolve("t");
    write(spec(target, SaveMode.OVERWRITE), 0, 10, 2);
    assertEquals(10L, count(target));
    write(spec(target, SaveMode.APPEND), 10, 35, 3);
    assertEquals(35L, count(target));
    write(spec(target, SaveMode.OVERWRITE), 100, 107, 1);
    assertEquals(7L, count(target));
    assertEquals(List.of(List.of(100L, 106L)), duck.rows("SELECT min(v[2:]::INT), max(v[2:]::INT) FROM read_parquet('" + target + "/*.parquet')"));
    assertEquals(List.of("t"), siblings());
  }

  @Test void partitionedWritesHiveDirectories() {
    Schema schema = Schema.of(new Field("k", DataType.INT, true), new Field("d", DataType.DATE, true),
        new Field("s", DataType.VARCHAR, true));
    Path target = dir.resolve("p");
    try (WriteJob job = WriteJob.begin(new WriteSpec("parquet", target.toString(), SaveMode.OVERWRITE, schema,
             List.of("s", "d"), Map.of()));
         TaskWriter w = job.newTaskWriter(0);
         VectorSchemaRoot b = Roots.of(schema, allocator, List.of(
             Arrays.asList(1, 0, Utf8String.of("a/b")), Arrays.asList(2, 0, Utf8String.of("a/b")),
             Arrays.asList(3, 1, null), Arrays.asList(4, null, Utf8String.of("x"))))) {
      w.write(b);
      w.commit();
      job.commitJob();
    }
    assertTrue(Files.isDirectory(target.resolve("s=a%2Fb/d=1970-01-01")), listing(target).toString());
    assertTrue(Files.isDirectory(target.resolve("s=__HIVE_DEFAULT_PARTITION__/d=1970-01-02")), listing(target).toString());
    assertTrue(Files.isDirectory(target.resolve("s=x/d=__HIVE_DEFAULT_PARTITION__")), listing(target).toString());
    assertEquals(List.of(List.of(1L, "a/b"), List.of(2L, "a/b"), List.of(3L, "NULL"), List.of(4L, "x")),
        duck.rows("SELECT k, coalesce(s, 'NULL') FROM read_parquet('" + target + "/**/*.parquet', hive_partitioning = true)"
            + " ORDER BY k").stream().map(r -> List.of(r.get(0), r.get(1))).toList());
  }

  @Test void unknownPartitionColumnFails() {
    EmberException e = assertThrows(EmberException.class, () -> WriteJob.begin(spec(dir.resolve("t"), SaveMode.OVERWRITE, "nope")));
    assertEquals(EmberException.UNDEFINED_COLUMN, e.sqlState());
    assertEquals(List.of(), siblings());
  }

  @ParameterizedTest
  @EnumSource(value = SaveMode.class, names = {"OVERWRITE", "APPEND"})
  void aTaskFailingHalfWayLeavesTheTargetAsItWas(SaveMode mode) {
    Path target = dir.resolve("t");
    write(spec(target, SaveMode.OVERWRITE, "v"), 0, 20, 2);
    List<String> before = listing(target);
    RuntimeException failure = assertThrows(RuntimeException.class, () -> {
      try (WriteJob job = WriteJob.begin(spec(target, mode, "v"))) {
        try (TaskWriter w = job.newTaskWriter(0); VectorSchemaRoot b = Roots.of(SCHEMA, allocator, rows(100, 150))) {
          w.write(b);
          w.commit();
        }
        try (TaskWriter w = job.newTaskWriter(1); VectorSchemaRoot b = Roots.of(SCHEMA, allocator, rows(200, 250))) {
          w.write(b);
          throw new IllegalStateException("task 1 fails half way");
        }
      }
    });
    assertEquals("task 1 fails half way", failure.getMessage());
    assertEquals(before, listing(target));
    assertEquals(List.of("t"), siblings());
    assertEquals(20L, count(target));
  }

  @ParameterizedTest
  @EnumSource(value = SaveMode.class, names = {"OVERWRITE", "APPEND"})
  void anAbortedJobLeavesTheTargetAsItWas(SaveMode mode) {
    Path target = dir.resolve("t");
    write(spec(target, SaveMode.OVERWRITE), 0, 20, 2);
    List<String> before = listing(target);
    WriteJob job = WriteJob.begin(spec(target, mode));
    try (TaskWriter w = job.newTaskWriter(0); VectorSchemaRoot b = Roots.of(SCHEMA, allocator, rows(100, 150))) {
      w.write(b);
      w.commit();
    }
    job.abortJob();
    assertEquals(before, listing(target));
    assertEquals(List.of("t"), siblings());
    assertThrows(IllegalStateException.class, () -> job.newTaskWriter(1));
  }

  @Test void aFailedFirstWriteLeavesNoTarget() {
    Path target = dir.resolve("fresh");
    try (WriteJob job = WriteJob.begin(spec(target, SaveMode.ERROR_IF_EXISTS))) {
      try (TaskWriter w = job.newTaskWriter(0); VectorSchemaRoot b = Roots.of(SCHEMA, allocator, rows(0, 5))) {
        w.write(b);
      }
    }
    assertEquals(List.of(), siblings());
  }
}
