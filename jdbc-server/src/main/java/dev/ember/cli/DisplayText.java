package dev.ember.cli;

import org.jline.utils.WCWidth;

/**
 * Text as a terminal shows it: how many columns it takes (East Asian wide characters take two,
 * combining marks none) and how to make table cells of it — control characters made visible,
 * overlong lines cut with {@code …}.
 */
final class DisplayText {
  private DisplayText() {}

  /** Terminal columns taken by {@code s} (which holds no control characters). */
  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += Math.max(0, WCWidth.wcwidth(cp));
      i += Character.charCount(cp);
    }
    return w;
  }

  /**
   * {@code s} as the lines of a table cell, each at most {@code maxWidth} columns wide: the value's
   * own line breaks start new lines (so EXPLAIN output reads as text), tabs and other control
   * characters are made visible ({@code \t}, {@code \u001B}), overlong lines are cut with
   * {@code …}.
   */
  static String[] cellLines(String s, int maxWidth) {
    // split drops trailing empty strings: a value's final line break adds no empty table line
    String[] lines = s.isEmpty() ? new String[] {""} : s.split("\\r\\n|\\n|\\r");
    for (int i = 0; i < lines.length; i++) lines[i] = cut(visible(lines[i]), maxWidth);
    return lines;
  }

  /** A one-line cell: as {@link #cellLines} but line breaks shown as {@code \n}. */
  static String cell(String s, int maxWidth) { return cut(visible(s), maxWidth); }

  private static String cut(String visible, int maxWidth) {
    if (width(visible) <= maxWidth) return visible;
    StringBuilder b = new StringBuilder();
    int w = 0;
    for (int i = 0; i < visible.length(); ) {
      int cp = visible.codePointAt(i);
      int cw = Math.max(0, WCWidth.wcwidth(cp));
      if (w + cw > maxWidth - 1) break;
      b.appendCodePoint(cp);
      w += cw;
      i += Character.charCount(cp);
    }
    return b.append('…').toString();
  }

  private static String visible(String s) {
    int i = 0;
    while (i < s.length() && !Character.isISOControl(s.charAt(i))) i++;
    if (i == s.length()) return s;
    StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') b.append("\\n");
      else if (c == '\r') b.append("\\r");
      else if (c == '\t') b.append("\\t");
      else if (Character.isISOControl(c)) b.append(String.format("\\u%04X", (int) c));
      else b.append(c);
    }
    return b.toString();
  }

  /** Appends {@code s} padded with spaces to {@code width} columns, on the left or right. */
  static void pad(StringBuilder b, String s, int width, boolean right) {
    int fill = width - width(s);
    if (right) b.append(" ".repeat(Math.max(0, fill))).append(s);
    else b.append(s).append(" ".repeat(Math.max(0, fill)));
  }
}
