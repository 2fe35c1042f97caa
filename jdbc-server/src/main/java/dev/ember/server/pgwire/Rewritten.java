package dev.ember.server.pgwire;

import dev.ember.catalyst.errors.EmberException;
import java.util.List;

/**
 * Statement text after the PostgreSQL rewrites, with the way back: for each character of the
 * rewritten text, the offset in the user's text it came from, so an error the engine reports at
 * a line and column of the rewritten text is reported where the user wrote the construct.
 */
final class Rewritten {
  private final String original;
  private final String text;
  private final int[] origin;

  private Rewritten(String original, String text, int[] origin) {
    this.original = original;
    this.text = text;
    this.origin = origin;
  }

  /** The text of {@code tokens} joined, each character mapped to its token's origin. */
  static Rewritten of(String original, List<PgToken> tokens) {
    StringBuilder sb = new StringBuilder(original.length() + 16);
    int[] origin = new int[original.length() * 2 + 64];
    for (PgToken t : tokens) {
      for (int k = 0; k < t.text().length(); k++) {
        if (sb.length() >= origin.length) origin = java.util.Arrays.copyOf(origin, origin.length * 2);
        origin[sb.length()] = t.synthetic() ? t.origin() : t.origin() + k;
        sb.append(t.text().charAt(k));
      }
    }
    return new Rewritten(original, sb.toString(), origin);
  }

  /** The text for the engine. */
  String text() { return text; }

  boolean changed() { return !text.equals(original); }

  /** The offset in the user's text of a 0-based offset in the rewritten text. */
  int originalOffset(int offset) {
    if (text.isEmpty()) return 0;
    return origin[Math.max(0, Math.min(offset, text.length() - 1))];
  }

  /** The same error with its position moved into the user's text (unchanged without one). */
  EmberException remap(EmberException e) {
    if (!e.hasPosition() || !changed()) return e;
    int offset = offsetOf(text, e.line(), e.column());
    if (offset < 0) return e;
    int at = originalOffset(offset);
    int line = 1;
    int lineStart = 0;
    for (int k = 0; k < at && k < original.length(); k++) {
      if (original.charAt(k) == '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    return new EmberException(e.sqlState(), e.getMessage(), line, at - lineStart + 1, e.getCause());
  }

  /** The 0-based offset of a 1-based (line, column) in {@code s}, or -1. */
  static int offsetOf(String s, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int nl = s.indexOf('\n', offset);
      if (nl < 0) return -1;
      offset = nl + 1;
    }
    return offset + Math.max(column, 1) - 1;
  }
}
