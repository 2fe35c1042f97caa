package dev.ember.execution.spill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Where operators spill: {@code ember.local.dir}, by default {@code java.io.tmpdir/ember-<pid>}.
 * Files are created on demand and deleted by their owners ({@link SpillFile#close}); the
 * directory itself is removed when the JVM exits if it is empty.
 */
public final class SpillDirectory {
  /** Setting: the directory for spill files. */
  public static final String LOCAL_DIR = "ember.local.dir";

  private static final AtomicLong NEXT = new AtomicLong();
  private static volatile Path dir = defaultDir();

  private SpillDirectory() {}

  public static Path defaultDir() {
    String prop = System.getProperty(LOCAL_DIR);
    if (prop != null && !prop.isBlank()) return Paths.get(prop);
    return Paths.get(System.getProperty("java.io.tmpdir"), "ember-" + ProcessHandle.current().pid());
  }

  /** The directory spill files go to now. */
  public static Path current() { return dir; }

  /** Sets {@code ember.local.dir} (files already written stay where they are). */
  public static void configure(Path directory) { dir = directory; }

  /** A new, not yet existing file path in the spill directory, e.g. {@code agg-17.arrow}. */
  static Path newPath(String prefix) {
    Path d = dir;
    try {
      Files.createDirectories(d);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the spill directory " + d + " (" + LOCAL_DIR + ")", e);
    }
    d.toFile().deleteOnExit();
    return d.resolve(prefix.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + NEXT.incrementAndGet() + ".arrow");
  }

  /** Spill files in the current directory now (tests check that none are left). */
  public static long fileCount() {
    Path d = dir;
    if (!Files.isDirectory(d)) return 0;
    try (Stream<Path> files = Files.list(d)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".arrow")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
