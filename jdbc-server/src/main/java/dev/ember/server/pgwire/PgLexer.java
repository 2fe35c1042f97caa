package dev.ember.server.pgwire;

import dev.ember.server.pgwire.PgToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits statement text into {@link PgToken}s the way PostgreSQL's lexer sees it, closely enough
 * for the rewriter: names, quoted names, strings (also {@code E'…'}), numbers, {@code $n},
 * {@code ::}, the regular-expression operators {@code ~ ~* !~ !~*}, other symbols; whitespace and
 * comments as SPACE tokens, so joining every token's text gives the input back. An unterminated
 * string or comment runs to the end (the engine's parser reports it).
 */
final class PgLexer {
  private final String sql;
  private final List<PgToken> out = new ArrayList<>();
  private int i;

  private PgLexer(String sql) { this.sql = sql; }

  static List<PgToken> tokenize(String sql) {
    PgLexer l = new PgLexer(sql);
    l.run();
    return l.out;
  }

  private void run() {
    int n = sql.length();
    while (i < n) {
      int start = i;
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        while (i < n && Character.isWhitespace(sql.charAt(i))) i++;
        add(Kind.SPACE, start);
      } else if (c == '-' && peek(1) == '-') {
        int nl = sql.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
        add(Kind.SPACE, start);
      } else if (c == '/' && peek(1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        add(Kind.SPACE, start);
      } else if ((c == 'E' || c == 'e') && peek(1) == '\'') {
        i++;
        quoted('\'', true);
        add(Kind.ESCAPE_STRING, start);
      } else if (c == '\'') {
        quoted('\'', false);
        add(Kind.STRING, start);
      } else if (c == '"') {
        quoted('"', false);
        add(Kind.QUOTED_NAME, start);
      } else if (Character.isLetter(c) || c == '_') {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) i++;
        add(Kind.WORD, start);
      } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
        number();
        add(Kind.NUMBER, start);
      } else if (c == '$' && Character.isDigit(peek(1))) {
        i++;
        while (i < n && Character.isDigit(sql.charAt(i))) i++;
        add(Kind.PARAM, start);
      } else {
        i += symbolLength();
        add(Kind.SYMBOL, start);
      }
    }
  }

  private char peek(int ahead) { return i + ahead < sql.length() ? sql.charAt(i + ahead) : '\0'; }

  /** Moves past a quoted run starting at i; doubled quotes (and, in E'…', backslashes) escape. */
  private void quoted(char q, boolean backslash) {
    i++;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslash && c == '\\') {
        i += 2;
      } else if (c == q) {
        if (peek(1) == q) {
          i += 2;
        } else {
          i++;
          return;
        }
      } else {
        i++;
      }
    }
    i = sql.length();
  }

  private void number() {
    int n = sql.length();
    while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
      if (sql.charAt(i) == '.' && peek(1) == '.') break;
      i++;
    }
    if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')
        && (Character.isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && Character.isDigit(peek(2))))) {
      i += 2;
      while (i < n && Character.isDigit(sql.charAt(i))) i++;
    }
  }

  private int symbolLength() {
    String rest = sql.substring(i, Math.min(sql.length(), i + 3));
    for (String s : new String[] {"!~*", "::", "!~", "~*", "<=", ">=", "<>", "!=", "||"}) {
      if (rest.startsWith(s)) return s.length();
    }
    return 1;
  }

  private void add(Kind kind, int start) { out.add(new PgToken(kind, sql.substring(start, i), start, false)); }
}
