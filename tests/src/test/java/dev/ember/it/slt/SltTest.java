package dev.ember.it.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ember.execution.memory.MemoryManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the sqllogictest files under {@code src/test/resources/slt} on Ember, one dynamic test
 * per file, each in a fresh session (see {@link EmberEngine}). Files are read from the source
 * tree, not the class path, so the rewrite modes can write them back:
 *
 * <pre>
 * mvn -o -q -pl tests test -Dtest='Slt*'                                 run every file but known_failures.slt
 * mvn -o -q -pl tests test -Dtest='Slt*' -Dslt.files=strings,dates       run these files only (known_failures too)
 * mvn -o -q -pl tests test -Dtest='Slt*' -Dslt.fromDuckDb=true           write expected rows from DuckDB
 * mvn -o -q -pl tests test -Dtest='Slt*' -Dslt.rewrite=true              write expected rows from Ember
 * </pre>
 *
 * Expected rows come from DuckDB ({@code slt.fromDuckDb}); {@code slt.rewrite} exists to review
 * Ember's answers with {@code git diff}, never to create expectations. In both modes the
 * test still fails for records that did not run cleanly, and the file keeps their old lines.
 */
class SltTest {
  static final String KNOWN_FAILURES = "known_failures.slt";

  @TempDir Path tmp;

  @TestFactory Stream<DynamicTest> files() {
    return selectedFiles().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), p.toUri(), () -> runFile(p)));
  }

  private void runFile(Path path) throws IOException {
    SltFile file = SltFile.read(path);
    boolean fromDuckDb = Boolean.getBoolean("slt.fromDuckDb");
    boolean rewrite = fromDuckDb || Boolean.getBoolean("slt.rewrite");
    Path catalog = Files.createTempDirectory(tmp, "catalog-");
    SltRunner runner;
    try (SltEngine engine = fromDuckDb ? new DuckDbEngine() : new EmberEngine(catalog)) {
      runner = new SltRunner(file.name(), engine, rewrite);
      runner.run(file.records());
    }
    assertEquals(0, MemoryManager.allocatedBytes(), file.name() + ": Arrow memory leaked");
    runner.notes().forEach(n -> System.out.println("note: " + n));
    if (rewrite && file.write(file.rewritten(runner.answers()))) {
      System.out.println("rewrote " + path + (fromDuckDb ? " from DuckDB" : " from Ember"));
    }
    if (!runner.failures().isEmpty()) {
      fail(runner.failures().size() + " of " + runner.ran() + " records failed in " + file.name() + ":\n\n"
          + String.join("\n\n", runner.failures()));
    }
  }

  /** The files to run: {@code -Dslt.files=a,b} (names with or without .slt), else all but known failures. */
  static List<Path> selectedFiles() {
    Path dir = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath().resolve("src/test/resources/slt");
    String only = System.getProperty("slt.files", "").strip();
    Set<String> wanted = only.isEmpty() ? Set.of()
        : Arrays.stream(only.split(",")).map(String::strip).map(n -> n.endsWith(".slt") ? n : n + ".slt").collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> selected = files.filter(p -> p.getFileName().toString().endsWith(".slt"))
          .filter(p -> wanted.isEmpty() ? !p.getFileName().toString().equals(KNOWN_FAILURES) : wanted.contains(p.getFileName().toString()))
          .sorted(Comparator.comparing(Path::toString)).toList();
      if (!wanted.isEmpty() && selected.size() != wanted.size()) {
        throw new IllegalArgumentException("slt.files names " + wanted + " but " + dir + " holds only " + selected);
      }
      return selected;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
