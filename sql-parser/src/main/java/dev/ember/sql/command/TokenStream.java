package dev.ember.sql.command;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.sql.command.Token.Kind;
import java.util.List;

/** A cursor over tokens with the small vocabulary recursive-descent parsing needs. */
final class TokenStream {
  private final List<Token> tokens;
  private int i;

  TokenStream(List<Token> tokens) { this.tokens = tokens; }

  Token peek() { return tokens.get(i); }

  Token peek(int ahead) { return tokens.get(Math.min(i + ahead, tokens.size() - 1)); }

  Token next() {
    Token t = tokens.get(i);
    if (t.kind() != Kind.EOF) i++;
    return t;
  }

  boolean atEnd() { return peek().kind() == Kind.EOF; }

  /** Consumes the keyword if it is next. */
  boolean accept(String keyword) {
    if (peek().isWord(keyword)) {
      i++;
      return true;
    }
    return false;
  }

  boolean acceptSymbol(String symbol) {
    if (peek().isSymbol(symbol)) {
      i++;
      return true;
    }
    return false;
  }

  Token expect(String keyword) {
    if (!peek().isWord(keyword)) throw error(peek(), "expected " + keyword);
    return next();
  }

  Token expectSymbol(String symbol) {
    if (!peek().isSymbol(symbol)) throw error(peek(), "expected '" + symbol + "'");
    return next();
  }

  void expectEnd() {
    if (!atEnd()) throw error(peek(), "unexpected " + peek().describe() + " after the end of the statement");
  }

  /** A SYNTAX_ERROR at {@code at}: "Syntax error at or near 'x': expected …". */
  static EmberException error(Token at, String what) {
    String near = at.kind() == Kind.EOF ? "at end of input" : "at or near " + at.describe();
    return new EmberException(EmberException.SYNTAX_ERROR, "Syntax error " + near + ": " + what,
        at.line(), at.column(), null);
  }
}
