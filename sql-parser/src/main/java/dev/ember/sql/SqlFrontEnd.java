package dev.ember.sql;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.catalog.Catalog;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.sql.command.CommandParser;
import dev.ember.sql.command.Lexer;
import dev.ember.sql.command.Token;
import java.util.List;

/**
 * Ember's SQL front end: turns the text of one statement into a {@link Statement}. Queries are
 * parsed and validated by Calcite against the catalog and converted to a resolved logical plan;
 * Ember's commands (CREATE TABLE … USING, SET, SHOW TABLES, …) have their own small parser.
 * Every error a user can cause is an {@link EmberException} with a SQLSTATE and, for errors in
 * the text, its line and column. Instances are stateless and may be shared.
 */
public final class SqlFrontEnd {
  private final Catalog catalog;
  private final SqlMacros macros;

  public SqlFrontEnd(Catalog catalog) { this(catalog, new SqlMacros()); }

  /** A front end whose queries may also call {@code macros} (which may gain entries later). */
  public SqlFrontEnd(Catalog catalog, SqlMacros macros) {
    this.catalog = requireNonNull(catalog);
    this.macros = requireNonNull(macros);
  }

  /** Parses, validates and converts exactly one statement (a trailing ';' is allowed). */
  public Statement parse(String sql) {
    requireNonNull(sql);
    List<Token> tokens = Lexer.tokenize(sql);
    String text = sql;
    int last = tokens.size() - 2;
    if (last >= 0 && tokens.get(last).isSymbol(";")) {
      Token semi = tokens.get(last);
      text = sql.substring(0, semi.offset()) + " " + sql.substring(semi.end());
      tokens = tokens.subList(0, last);
      tokens = new java.util.ArrayList<>(tokens);
      tokens.add(new Token(Token.Kind.EOF, "", semi.offset(), semi.offset(), semi.line(), semi.column()));
    }
    for (Token t : tokens) {
      if (t.isSymbol(";")) {
        throw new EmberException(EmberException.SYNTAX_ERROR,
            "Syntax error at or near ';': only one statement is allowed", t.line(), t.column(), null);
      }
    }
    Token first = tokens.get(0);
    if (first.kind() == Token.Kind.EOF) {
      throw new EmberException(EmberException.SYNTAX_ERROR, "Syntax error: empty statement", 1, 1, null);
    }
    QueryCompiler queries = new QueryCompiler(catalog, macros);
    if (CommandParser.isCommand(first)) return CommandParser.parse(text, tokens, queries::compile);
    return queries.compile(text);
  }
}
