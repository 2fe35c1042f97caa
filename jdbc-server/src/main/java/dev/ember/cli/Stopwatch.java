package dev.ember.cli;

import java.util.Locale;

/** Elapsed wall-clock time of one statement, for the {@code (0.123 s)} footers. */
public record Stopwatch(long startNanos) {
  public static Stopwatch start() { return new Stopwatch(System.nanoTime()); }

  /** Seconds since the start with millisecond precision, e.g. {@code 0.123 s}. */
  public String elapsed() {
    return String.format(Locale.ROOT, "%.3f s", (System.nanoTime() - startNanos) / 1e9);
  }
}
