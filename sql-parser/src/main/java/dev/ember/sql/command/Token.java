package dev.ember.sql.command;

import java.util.Locale;

/**
 * One lexical token of a statement.
 *
 * @param text for {@link Kind#STRING} and {@link Kind#QUOTED_IDENT} the unescaped content,
 *     otherwise the characters as written
 * @param offset index of the first character in the statement text
 * @param line 1-based
 * @param column 1-based
 */
public record Token(Kind kind, String text, int offset, int end, int line, int column) {
  public enum Kind {
    /** An unquoted word: a keyword or an identifier (the parser decides by position). */
    WORD,
    /** {@code "name"} or {@code `name`}. */
    QUOTED_IDENT,
    /** {@code 'text'}. */
    STRING,
    NUMBER,
    /** Punctuation or an operator, e.g. {@code (}, {@code ,}, {@code =}, {@code <=}. */
    SYMBOL,
    EOF
  }

  /** True for the unquoted word {@code keyword}, ignoring case. */
  public boolean isWord(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }

  public boolean isSymbol(String symbol) { return kind == Kind.SYMBOL && text.equals(symbol); }

  /** How the token is shown in error messages. */
  public String describe() {
    return switch (kind) {
      case EOF -> "end of input";
      case STRING -> "'" + text + "'";
      case QUOTED_IDENT -> "\"" + text + "\"";
      default -> "'" + text + "'";
    };
  }

  String upper() { return text.toUpperCase(Locale.ROOT); }
}
