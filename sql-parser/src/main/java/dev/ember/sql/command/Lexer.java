package dev.ember.sql.command;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.sql.command.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits statement text into tokens: words, quoted identifiers ({@code "x"}, {@code `x`}),
 * strings ({@code 'it''s'}), numbers and symbols, skipping white space and comments. Used to
 * parse Ember's commands and to find a statement's kind and trailing semicolon; queries
 * themselves are lexed again by Calcite.
 */
public final class Lexer {
  private static final List<String> TWO_CHAR_SYMBOLS = List.of("<=", ">=", "<>", "!=", "||", "::");

  private final String sql;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int lineStart;

  private Lexer(String sql) { this.sql = sql; }

  /** The tokens of {@code sql}, ending with an {@link Kind#EOF} token. */
  public static List<Token> tokenize(String sql) {
    Lexer lexer = new Lexer(sql);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (true) {
      skipSpaceAndComments();
      if (pos >= sql.length()) {
        tokens.add(new Token(Kind.EOF, "", pos, pos, line, pos - lineStart + 1));
        return;
      }
      int start = pos;
      int startLine = line;
      int startColumn = pos - lineStart + 1;
      char c = sql.charAt(pos);
      Kind kind;
      String text;
      if (Character.isLetter(c) || c == '_') {
        while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_'
            || sql.charAt(pos) == '$')) pos++;
        kind = Kind.WORD;
        text = sql.substring(start, pos);
      } else if (Character.isDigit(c) || (c == '.' && pos + 1 < sql.length() && Character.isDigit(sql.charAt(pos + 1)))) {
        number();
        kind = Kind.NUMBER;
        text = sql.substring(start, pos);
      } else if (c == '\'') {
        kind = Kind.STRING;
        text = quoted('\'', startLine, startColumn, "string");
      } else if (c == '"' || c == '`') {
        kind = Kind.QUOTED_IDENT;
        text = quoted(c, startLine, startColumn, "quoted identifier");
      } else {
        String two = pos + 2 <= sql.length() ? sql.substring(pos, pos + 2) : "";
        text = TWO_CHAR_SYMBOLS.contains(two) ? two : String.valueOf(c);
        pos += text.length();
        kind = Kind.SYMBOL;
      }
      tokens.add(new Token(kind, text, start, pos, startLine, startColumn));
    }
  }

  private void number() {
    while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) pos++;
    if (pos < sql.length() && sql.charAt(pos) == '.') {
      pos++;
      while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) pos++;
    }
    if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
      int save = pos++;
      if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) pos++;
      if (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
        while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) pos++;
      } else {
        pos = save;
      }
    }
  }

  /** Reads a quoted token; a doubled quote stands for one. Returns the content. */
  private String quoted(char quote, int startLine, int startColumn, String what) {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= sql.length()) {
        throw new EmberException(EmberException.SYNTAX_ERROR, "Syntax error: unterminated " + what,
            startLine, startColumn, null);
      }
      char c = sql.charAt(pos);
      if (c == quote) {
        if (pos + 1 < sql.length() && sql.charAt(pos + 1) == quote) {
          sb.append(quote);
          pos += 2;
          continue;
        }
        pos++;
        return sb.toString();
      }
      advance();
      sb.append(c);
    }
  }

  private void skipSpaceAndComments() {
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (Character.isWhitespace(c)) {
        advance();
      } else if (sql.startsWith("--", pos)) {
        while (pos < sql.length() && sql.charAt(pos) != '\n') pos++;
      } else if (sql.startsWith("/*", pos)) {
        int startLine = line;
        int startColumn = pos - lineStart + 1;
        int close = sql.indexOf("*/", pos + 2);
        if (close < 0) {
          throw new EmberException(EmberException.SYNTAX_ERROR, "Syntax error: unterminated comment",
              startLine, startColumn, null);
        }
        while (pos < close + 2) advance();
      } else {
        return;
      }
    }
  }

  /** Moves past one character, keeping line and column up to date. */
  private void advance() {
    if (sql.charAt(pos) == '\n') {
      line++;
      lineStart = pos + 1;
    }
    pos++;
  }
}
