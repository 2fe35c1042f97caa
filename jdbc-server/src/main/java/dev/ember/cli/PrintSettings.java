package dev.ember.cli;

import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What the printers may be tuned by.
 *
 * @param maxTableRows rows the table format buffers (to size its columns) and shows; the rest are
 *     counted, not shown. Setting {@value #MAX_ROWS_KEY}.
 * @param maxColumnWidth widest cell of the table format in terminal columns; longer values are
 *     cut with {@code …}. Setting {@value #MAX_WIDTH_KEY}.
 * @param cancelled polled between batches: true stops reading the result (Ctrl-C in the shell)
 */
public record PrintSettings(int maxTableRows, int maxColumnWidth, BooleanSupplier cancelled) {
  public static final String MAX_ROWS_KEY = "ember.cli.maxRows";
  public static final String MAX_WIDTH_KEY = "ember.cli.maxColumnWidth";
  public static final PrintSettings DEFAULT = new PrintSettings(10_000, 200, () -> false);

  public PrintSettings {
    if (maxTableRows < 0) throw new IllegalArgumentException(MAX_ROWS_KEY + " must be >= 0");
    if (maxColumnWidth < 4) throw new IllegalArgumentException(MAX_WIDTH_KEY + " must be >= 4");
  }

  /** The defaults overridden by any {@code --conf} settings given for them. */
  public static PrintSettings from(Map<String, String> conf) {
    return new PrintSettings(
        intSetting(conf, MAX_ROWS_KEY, DEFAULT.maxTableRows),
        intSetting(conf, MAX_WIDTH_KEY, DEFAULT.maxColumnWidth),
        DEFAULT.cancelled);
  }

  public PrintSettings withCancelled(BooleanSupplier c) { return new PrintSettings(maxTableRows, maxColumnWidth, c); }

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
