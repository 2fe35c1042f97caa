package dev.ember.execution.memory;

import dev.ember.catalyst.errors.EmberException;
import java.util.Locale;

/** Sizes in settings: a number of bytes with an optional unit ({@code 512k}, {@code 256m}, {@code 2g}, {@code 1t}). */
public final class MemorySize {
  private MemorySize() {}

  /** Bytes of {@code text} (case-insensitive units k, m, g, t, optionally followed by b). */
  public static long parse(String key, String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (s.endsWith("b") && s.length() > 1 && !Character.isDigit(s.charAt(s.length() - 2))) s = s.substring(0, s.length() - 1);
    long unit = 1;
    if (!s.isEmpty()) {
      switch (s.charAt(s.length() - 1)) {
        case 'k' -> unit = 1L << 10;
        case 'm' -> unit = 1L << 20;
        case 'g' -> unit = 1L << 30;
        case 't' -> unit = 1L << 40;
        default -> unit = 1;
      }
    }
    String digits = unit == 1 ? s : s.substring(0, s.length() - 1).trim();
    try {
      long n = Long.parseLong(digits);
      if (n <= 0) throw new NumberFormatException();
      return Math.multiplyExact(n, unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new EmberException(EmberException.DATA_EXCEPTION,
          "setting " + key + " must be a positive size such as 256m or 2g: " + text);
    }
  }

  /** {@code bytes} for messages: 268435456 is "256.0 MiB". */
  public static String format(long bytes) {
    if (bytes < 1024) return bytes + " bytes";
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
