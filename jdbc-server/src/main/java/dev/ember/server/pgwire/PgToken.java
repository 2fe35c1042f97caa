package dev.ember.server.pgwire;

import java.util.Locale;

/**
 * One token of PostgreSQL statement text, or a token the rewriter made up.
 *
 * @param origin the offset in the user's text this token stands for: where it was written, or
 *     for a made-up token the place of the construct it replaces (positions of errors map there)
 * @param synthetic true when {@code text} is not a verbatim slice of the user's text at origin
 */
record PgToken(Kind kind, String text, int origin, boolean synthetic) {
  /** What a token is; whitespace and comments are kept as SPACE so the text keeps its lines. */
  enum Kind { SPACE, WORD, QUOTED_NAME, STRING, ESCAPE_STRING, NUMBER, PARAM, SYMBOL }

  static PgToken made(Kind kind, String text, int origin) { return new PgToken(kind, text, origin, true); }

  boolean isWord(String w) { return kind == Kind.WORD && text.equalsIgnoreCase(w); }

  boolean isSymbol(String s) { return kind == Kind.SYMBOL && text.equals(s); }

  boolean isName() { return kind == Kind.WORD || kind == Kind.QUOTED_NAME; }

  /** A name without quotes, lower-cased unless it was quoted. */
  String name() {
    return kind == Kind.QUOTED_NAME ? text.substring(1, text.length() - 1).replace("\"\"", "\"") : text.toLowerCase(Locale.ROOT);
  }

  /** A string literal's value (escapes of an E'…' string applied). */
  String stringValue() {
    if (kind == Kind.STRING) return text.substring(1, text.length() - 1).replace("''", "'");
    if (kind == Kind.ESCAPE_STRING) return unescape(text.substring(2, text.length() - 1));
    throw new IllegalStateException("not a string: " + text);
  }

  /** PostgreSQL's backslash escapes of {@code E'…'} strings (octal and Unicode forms included). */
  private static String unescape(String body) {
    StringBuilder sb = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
        sb.append('\'');
        i++;
      } else if (c != '\\' || i + 1 >= body.length()) {
        sb.append(c);
      } else {
        char e = body.charAt(++i);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'x' -> {
            int end = hexEnd(body, i + 1, 2);
            sb.append((char) Integer.parseInt(body.substring(i + 1, end), 16));
            i = end - 1;
          }
          case 'u', 'U' -> {
            int n = e == 'u' ? 4 : 8;
            int end = hexEnd(body, i + 1, n);
            sb.appendCodePoint(Integer.parseInt(body.substring(i + 1, end), 16));
            i = end - 1;
          }
          default -> {
            if (e >= '0' && e <= '7') {
              int end = i;
              while (end < body.length() && end < i + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') end++;
              sb.append((char) Integer.parseInt(body.substring(i, end), 8));
              i = end - 1;
            } else {
              sb.append(e);
            }
          }
        }
      }
    }
    return sb.toString();
  }

  private static int hexEnd(String s, int from, int max) {
    int end = from;
    while (end < s.length() && end < from + max && Character.digit(s.charAt(end), 16) >= 0) end++;
    if (end == from) throw new IllegalArgumentException("invalid escape in E'…' string");
    return end;
  }
}
