package dev.ember.codegen.compile;

/** Small lexical helpers over Java source text. */
final class SourceText {
  private SourceText() {}

  /**
   * Removes {@code //} and {@code /* *\/} comments, leaving string and character literals (which
   * may contain comment-like text) untouched.
   */
  static String stripComments(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
          if (s.charAt(j) == '\\') j++;
          j++;
        }
        int end = Math.min(j + 1, n);
        out.append(s, i, end);
        i = end - 1;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        while (i < n && s.charAt(i) != '\n') i++;
        if (i < n) out.append('\n');
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 1;
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
