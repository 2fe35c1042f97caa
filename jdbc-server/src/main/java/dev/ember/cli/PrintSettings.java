package dev.ember.cli;

import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What the printers may be tuned by; the shell changes some of it with its backslash commands.
 *
 * @param maxTableRows rows the table format shows; the rest are counted, not shown. Setting
 *     {@value #MAX_ROWS_KEY} (default 10,000; the shell's {@code \rows}).
 * @param maxColumnWidth widest cell of the table format in terminal columns; longer values are
 *     cut with {@code …}. Setting {@value #MAX_WIDTH_KEY}.
 * @param chunkRows the table format aligns and prints this many rows at a time, so a long result
 *     streams out in pieces instead of being held whole (psql's FETCH_COUNT). Setting
 *     {@value #CHUNK_ROWS_KEY} (default 1,000).
 * @param timing whether footers show the elapsed time (the shell's {@code \timing})
 * @param expanded whether the table format prints a record per row (the shell's {@code \x})
 * @param screenWidth the terminal's width, for {@link Expanded#AUTO}; 0 when unknown
 * @param cancelled polled between batches: true stops reading the result (Ctrl-C in the shell)
 */
public record PrintSettings(int maxTableRows, int maxColumnWidth, int chunkRows, boolean timing,
                            Expanded expanded, int screenWidth, BooleanSupplier cancelled) {
  public static final String MAX_ROWS_KEY = "ember.cli.maxRows";
  public static final String MAX_WIDTH_KEY = "ember.cli.maxColumnWidth";
  public static final String CHUNK_ROWS_KEY = "ember.cli.chunkRows";
  public static final PrintSettings DEFAULT = new PrintSettings(10_000, 200, 1_000, true, Expanded.OFF, 0, () -> false);

  /** psql's {@code \x}: one record per row always, never, or when the table is wider than the screen. */
  public enum Expanded {
    OFF, ON, AUTO;

    /** {@code on}, {@code off} or {@code auto}; fails with the accepted words. */
    static Expanded parse(String word) {
      for (Expanded e : values()) if (e.name().equalsIgnoreCase(word)) return e;
      throw new IllegalArgumentException("expected on, off or auto, not '" + word + "'");
    }

    @Override public String toString() { return name().toLowerCase(Locale.ROOT); }
  }

  public PrintSettings {
    if (maxTableRows < 0) throw new IllegalArgumentException(MAX_ROWS_KEY + " must be >= 0");
    if (maxColumnWidth < 4) throw new IllegalArgumentException(MAX_WIDTH_KEY + " must be >= 4");
    if (chunkRows < 1) throw new IllegalArgumentException(CHUNK_ROWS_KEY + " must be >= 1");
  }

  /** The defaults overridden by any {@code --conf} settings given for them. */
  public static PrintSettings from(Map<String, String> conf) {
    return DEFAULT.withMaxRows(intSetting(conf, MAX_ROWS_KEY, DEFAULT.maxTableRows))
        .withMaxColumnWidth(intSetting(conf, MAX_WIDTH_KEY, DEFAULT.maxColumnWidth))
        .withChunkRows(intSetting(conf, CHUNK_ROWS_KEY, DEFAULT.chunkRows));
  }

  public PrintSettings withCancelled(BooleanSupplier c) {
    return new PrintSettings(maxTableRows, maxColumnWidth, chunkRows, timing, expanded, screenWidth, c);
  }

  public PrintSettings withMaxRows(int n) {
    return new PrintSettings(n, maxColumnWidth, chunkRows, timing, expanded, screenWidth, cancelled);
  }

  public PrintSettings withMaxColumnWidth(int w) {
    return new PrintSettings(maxTableRows, w, chunkRows, timing, expanded, screenWidth, cancelled);
  }

  public PrintSettings withChunkRows(int n) {
    return new PrintSettings(maxTableRows, maxColumnWidth, n, timing, expanded, screenWidth, cancelled);
  }

  public PrintSettings withTiming(boolean on) {
    return new PrintSettings(maxTableRows, maxColumnWidth, chunkRows, on, expanded, screenWidth, cancelled);
  }

  public PrintSettings withExpanded(Expanded e, int width) {
    return new PrintSettings(maxTableRows, maxColumnWidth, chunkRows, timing, e, width, cancelled);
  }

  /** {@code text} followed by the elapsed time in parentheses when timing is on. */
  String footer(String text, Stopwatch watch) { return timing ? text + " (" + watch.elapsed() + ")" : text; }

  private static int intSetting(Map<String, String> conf, String key, int dflt) {
    String v = conf.get(key);
    if (v == null) return dflt;
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not '" + v + "'");
    }
  }
}
