package dev.ember.it.dataframe;

import static dev.ember.api.functions.col;
import static dev.ember.api.functions.lit;
import static dev.ember.api.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.DataFrame;
import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.it.TpchData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writes run one task per partition of the query's last stage, each writing its own files, and
 * commit atomically: a task failing half way, or a cancel while the tasks write, leaves an
 * overwritten or appended-to target exactly as it was.
 */
class DataFrameParallelWriteTest {
  private static Session session;
  private static Connection duck;
  @TempDir Path dir;

  @BeforeAll static void setUp() throws Exception {
    session = Session.builder().master("local[2]").getOrCreate();
    duck = TpchData.openDuckDb();
  }

  @AfterAll static void tearDown() throws Exception {
    if (session != null) session.stop();
    if (duck != null) duck.close();
  }

  @AfterEach void noLeak() { assertEquals(0, MemoryManager.allocatedBytes(), "Arrow memory left allocated"); }

  private Object duckValue(String sql) throws Exception {
    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getObject(1);
    }
  }

  @Test void severalTasksWriteTheirOwnFiles() throws Exception {
    Path target = dir.resolve("many");
    session.range(0, 300_000).write().parquet(target.toString());
    Set<String> tasks = new TreeSet<>();
    for (Path f : dataFiles(target)) tasks.add(f.getFileName().toString().substring(0, "part-00000".length()));
    assertTrue(tasks.size() >= 2, "files of several tasks: " + tasks);
    String files = "read_parquet('" + target + "/*.parquet')";
    assertEquals(duckValue("SELECT count(*) FROM range(300000)").toString(),
        duckValue("SELECT count(*) FROM " + files).toString());
    assertEquals(duckValue("SELECT sum(range) FROM range(300000)").toString(),
        duckValue("SELECT sum(id) FROM " + files).toString());
    assertEquals(duckValue("SELECT count(DISTINCT id) FROM " + files).toString(), "300000");
  }

  @ParameterizedTest @ValueSource(strings = {"overwrite", "append"})
  void aFailingTaskLeavesTheTargetAsItWas(String mode) throws IOException {
    Path target = dir.resolve("keep");
    session.range(5).write().parquet(target.toString());
    List<String> before = listing(target);
    // one row in the middle fails its cast; the other partitions' tasks write and commit first
    DataFrame failing = session.range(0, 200_000).select(
        when(col("id").equalTo(150_000L), lit("x")).otherwise(col("id").cast("string")).cast("bigint").alias("id"));
    EmberException e = assertThrows(EmberException.class, () -> failing.write().mode(mode).parquet(target.toString()));
    assertTrue(!e.sqlState().equals(EmberException.INTERNAL_ERROR), e.getMessage());
    assertEquals(before, listing(target));
    assertEquals(5, session.read().parquet(target.toString()).count());
    assertEquals(List.of("keep"), siblings(), "no staging directory is left behind");
  }

  @ParameterizedTest @ValueSource(strings = {"overwrite", "append"})
  void aCancelWhileWritingLeavesTheTargetAsItWas(String mode) throws Exception {
    Path target = dir.resolve("keep");
    session.range(5).write().parquet(target.toString());
    List<String> before = listing(target);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread writer = new Thread(() -> {
      try {
        session.range(0, 500_000_000L).write().mode(mode).parquet(target.toString());
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    writer.start();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (stagedFiles() == 0 && writer.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
    assertTrue(writer.isAlive(), "the write must still run when it is cancelled");
    writer.interrupt();
    writer.join(60_000);
    assertTrue(!writer.isAlive(), "the cancelled write stops");
    assertNotNull(failure.get(), "a cancelled write fails");
    EmberException e = (EmberException) failure.get();
    assertEquals(EmberException.QUERY_CANCELED, e.sqlState(), e.getMessage());
    assertEquals(before, listing(target));
    assertEquals(5, session.read().parquet(target.toString()).count());
    assertEquals(List.of("keep"), siblings(), "no staging directory is left behind");
  }

  /** Data files under the staging directories next to the target. */
  private long stagedFiles() {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().contains(".ember-staging-") && p.toString().endsWith(".parquet")).count();
    } catch (IOException | UncheckedIOException e) {
      return 0; // a directory vanished while walking: look again
    }
  }

  private static List<Path> dataFiles(Path target) throws IOException {
    try (Stream<Path> s = Files.list(target)) {
      return s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Every path under {@code root} with file sizes: the "exactly as it was" check. */
  private static List<String> listing(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.map(p -> root.relativize(p) + (Files.isRegularFile(p) ? " " + p.toFile().length() : "/")).sorted().toList();
    }
  }
}
