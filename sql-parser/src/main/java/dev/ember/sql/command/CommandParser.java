package dev.ember.sql.command;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Field;
import dev.ember.sql.AnalyzeTable;
import dev.ember.sql.CreateTable;
import dev.ember.sql.CreateTempViewUsing;
import dev.ember.sql.CreateView;
import dev.ember.sql.Describe;
import dev.ember.sql.DropTable;
import dev.ember.sql.Explain;
import dev.ember.sql.ExplainMode;
import dev.ember.sql.Query;
import dev.ember.sql.SetConf;
import dev.ember.sql.ShowTables;
import dev.ember.sql.Statement;
import dev.ember.sql.command.Token.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser of Ember's own commands (Spark's syntax): EXPLAIN, CREATE TABLE …
 * USING, CREATE [TEMPORARY] VIEW, DROP, SHOW TABLES, DESCRIBE, SET and ANALYZE TABLE. Queries inside commands
 * (EXPLAIN's, a view's body) go to the query parser with everything before them blanked out, so
 * positions in their errors are positions in the whole statement.
 */
public final class CommandParser {
  /** Parses and validates a query; the text keeps the statement's line/column layout. */
  @FunctionalInterface
  public interface QueryParser {
    Query parse(String text);
  }

  private static final Set<String> COMMANDS = Set.of("EXPLAIN", "CREATE", "DROP", "SHOW", "DESCRIBE", "DESC", "SET",
      "ANALYZE");

  private final String sql;
  private final TokenStream in;
  private final QueryParser queries;

  private CommandParser(String sql, List<Token> tokens, QueryParser queries) {
    this.sql = sql;
    this.in = new TokenStream(tokens);
    this.queries = queries;
  }

  /** True when the statement starting with {@code first} is one of Ember's commands. */
  public static boolean isCommand(Token first) {
    return first.kind() == Kind.WORD && COMMANDS.contains(first.upper());
  }

  /** Parses a command; {@code tokens} are {@code sql}'s (without a trailing semicolon). */
  public static Statement parse(String sql, List<Token> tokens, QueryParser queries) {
    return new CommandParser(sql, tokens, queries).command();
  }

  private Statement command() {
    Token first = in.next();
    Statement s = switch (first.upper()) {
      case "EXPLAIN" -> explain();
      case "CREATE" -> create(first);
      case "DROP" -> drop();
      case "SHOW" -> show();
      case "DESCRIBE", "DESC" -> describe();
      case "SET" -> set();
      case "ANALYZE" -> analyze();
      default -> throw TokenStream.error(first, "unknown command");
    };
    in.expectEnd();
    return s;
  }

  private Statement explain() {
    ExplainMode mode = ExplainMode.SIMPLE;
    for (ExplainMode m : ExplainMode.values()) {
      if (m != ExplainMode.SIMPLE && in.accept(m.name())) {
        mode = m;
        break;
      }
    }
    return new Explain(mode, restAsQuery());
  }

  private Statement create(Token createToken) {
    boolean orReplace = false;
    if (in.accept("OR")) {
      in.expect("REPLACE");
      orReplace = true;
    }
    boolean temporary = in.accept("TEMPORARY") || in.accept("TEMP");
    if (in.peek().isWord("TABLE")) {
      if (orReplace || temporary) throw TokenStream.error(in.peek(), "OR REPLACE and TEMPORARY apply to views only");
      in.next();
      return createTable();
    }
    if (in.peek().isWord("VIEW")) {
      in.next();
      return createView(orReplace, temporary);
    }
    throw TokenStream.error(in.peek(), "expected TABLE or VIEW after " + createToken.text());
  }

  private Statement createTable() {
    boolean ifNotExists = ifPresent("NOT", "EXISTS");
    List<String> name = qualifiedName();
    List<Field> columns = in.peek().isSymbol("(") ? columns() : List.of();
    if (in.peek().isWord("AS")) throw notSupported(in.peek(), "CREATE TABLE … AS SELECT");
    in.expect("USING");
    String provider = provider();
    Map<String, String> options = Map.of();
    String location = null;
    boolean sawOptions = false;
    while (!in.atEnd()) {
      Token t = in.peek();
      if (t.isWord("OPTIONS") && !sawOptions) {
        in.next();
        options = options();
        sawOptions = true;
      } else if (t.isWord("LOCATION") && location == null) {
        in.next();
        location = string("a path");
      } else if (t.isWord("AS")) {
        throw notSupported(t, "CREATE TABLE … AS SELECT");
      } else {
        throw TokenStream.error(t, "expected OPTIONS or LOCATION");
      }
    }
    return new CreateTable(name, ifNotExists, columns, provider, options, location);
  }

  private Statement createView(boolean orReplace, boolean temporary) {
    List<String> name = qualifiedName();
    if (in.peek().isWord("USING")) {
      Token using = in.next();
      if (!temporary) throw TokenStream.error(using, "a view USING a data source must be TEMPORARY");
      String provider = provider();
      Map<String, String> options = in.accept("OPTIONS") ? options() : Map.of();
      return new CreateTempViewUsing(name, orReplace, provider, options);
    }
    in.expect("AS");
    int start = in.peek().offset();
    String queryText = sql.substring(start).strip();
    if (queryText.isEmpty()) throw TokenStream.error(in.peek(), "expected a query after AS");
    Query query = restAsQuery();
    return new CreateView(name, orReplace, temporary, queryText, query);
  }

  private Statement drop() {
    boolean view;
    if (in.accept("TABLE")) {
      view = false;
    } else if (in.accept("VIEW")) {
      view = true;
    } else {
      throw TokenStream.error(in.peek(), "expected TABLE or VIEW after DROP");
    }
    boolean ifExists = ifPresent("EXISTS");
    return new DropTable(qualifiedName(), ifExists, view);
  }

  private Statement show() {
    in.expect("TABLES");
    if (in.accept("IN") || in.accept("FROM")) return new ShowTables(qualifiedName());
    return new ShowTables(List.of());
  }

  private Statement describe() {
    in.accept("TABLE");
    boolean extended = in.accept("EXTENDED") || in.accept("FORMATTED");
    List<String> name = qualifiedName();
    String column = in.atEnd() ? null : identifier();
    return new Describe(name, extended, column);
  }

  /** {@code ANALYZE TABLE name COMPUTE STATISTICS [NOSCAN | FOR COLUMNS a, b | FOR ALL COLUMNS]}. */
  private Statement analyze() {
    in.expect("TABLE");
    List<String> name = qualifiedName();
    in.expect("COMPUTE");
    in.expect("STATISTICS");
    if (in.accept("NOSCAN")) return new AnalyzeTable(name, true, List.of(), false);
    if (!in.accept("FOR")) return new AnalyzeTable(name, false, List.of(), false);
    if (in.accept("ALL")) {
      in.expect("COLUMNS");
      return new AnalyzeTable(name, false, List.of(), true);
    }
    in.expect("COLUMNS");
    List<String> columns = new ArrayList<>();
    do {
      columns.add(identifier());
    } while (in.acceptSymbol(","));
    return new AnalyzeTable(name, false, columns, false);
  }

  /**
   * {@code SET}, {@code SET key} or {@code SET key = value}. The key is a dotted name; the value
   * is a string literal or the rest of the statement as written (numbers, words, …).
   */
  private Statement set() {
    if (in.atEnd()) return new SetConf(null, null);
    Token keyStart = in.peek();
    StringBuilder key = new StringBuilder();
    int lastEnd = -1;
    while (!in.atEnd() && !in.peek().isSymbol("=")) {
      Token t = in.next();
      boolean part = t.kind() == Kind.WORD || t.kind() == Kind.NUMBER || t.isSymbol(".") || t.isSymbol("-");
      if (!part || (lastEnd >= 0 && t.offset() != lastEnd)) {
        throw TokenStream.error(t, "expected '=' after the setting name " + key);
      }
      key.append(t.text());
      lastEnd = t.end();
    }
    if (key.length() == 0) throw TokenStream.error(keyStart, "expected a setting name");
    if (in.atEnd()) return new SetConf(key.toString(), null);
    in.expectSymbol("=");
    Token valueStart = in.peek();
    if (in.atEnd()) throw TokenStream.error(valueStart, "expected a value after '='");
    if (valueStart.kind() == Kind.STRING && in.peek(1).kind() == Kind.EOF) {
      in.next();
      return new SetConf(key.toString(), valueStart.text());
    }
    String value = sql.substring(valueStart.offset()).strip();
    while (!in.atEnd()) in.next();
    return new SetConf(key.toString(), value);
  }

  // ---- pieces ----

  /** Consumes {@code IF <words…>} when present. */
  private boolean ifPresent(String... words) {
    if (!in.peek().isWord("IF")) return false;
    in.next();
    for (String w : words) in.expect(w);
    return true;
  }

  private Query restAsQuery() {
    Token start = in.peek();
    if (start.kind() == Kind.EOF) throw TokenStream.error(start, "expected a query");
    String text = blankBefore(start.offset());
    while (!in.atEnd()) in.next();
    return queries.parse(text);
  }

  /** The statement with every character before {@code offset} but line breaks made a space. */
  private String blankBefore(int offset) {
    StringBuilder sb = new StringBuilder(sql.length());
    for (int i = 0; i < offset; i++) sb.append(sql.charAt(i) == '\n' ? '\n' : ' ');
    return sb.append(sql, offset, sql.length()).toString();
  }

  private List<String> qualifiedName() {
    List<String> parts = new ArrayList<>();
    parts.add(identifier());
    while (in.acceptSymbol(".")) parts.add(identifier());
    return parts;
  }

  private String identifier() {
    Token t = in.next();
    if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED_IDENT) throw TokenStream.error(t, "expected a name");
    return t.text();
  }

  private List<Field> columns() {
    in.expectSymbol("(");
    List<Field> fields = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    do {
      Token nameToken = in.peek();
      String name = identifier();
      if (!seen.add(name.toLowerCase(Locale.ROOT))) throw TokenStream.error(nameToken, "duplicate column " + name);
      var type = TypeNames.parse(in);
      boolean nullable = true;
      if (in.accept("NOT")) {
        in.expect("NULL");
        nullable = false;
      } else {
        in.accept("NULL");
      }
      if (in.accept("COMMENT")) string("a comment");
      fields.add(new Field(name, type, nullable));
    } while (in.acceptSymbol(","));
    in.expectSymbol(")");
    return fields;
  }

  private String provider() {
    Token t = in.next();
    if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED_IDENT) throw TokenStream.error(t, "expected a data source name");
    StringBuilder sb = new StringBuilder(t.text());
    while (in.acceptSymbol(".")) sb.append('.').append(identifier());
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /** {@code ( key [=] value, … )}; keys are dotted names or strings, stored lower-case. */
  private Map<String, String> options() {
    in.expectSymbol("(");
    Map<String, String> options = new LinkedHashMap<>();
    if (in.acceptSymbol(")")) return options;
    do {
      Token keyToken = in.peek();
      String key = optionKey();
      in.acceptSymbol("=");
      String value = optionValue();
      if (options.putIfAbsent(key, value) != null) throw TokenStream.error(keyToken, "duplicate option " + key);
    } while (in.acceptSymbol(","));
    in.expectSymbol(")");
    return options;
  }

  private String optionKey() {
    Token t = in.peek();
    if (t.kind() == Kind.STRING) {
      in.next();
      return t.text().toLowerCase(Locale.ROOT);
    }
    return String.join(".", qualifiedName()).toLowerCase(Locale.ROOT);
  }

  private String optionValue() {
    Token t = in.next();
    if (t.kind() == Kind.STRING || t.kind() == Kind.WORD || t.kind() == Kind.NUMBER) return t.text();
    if (t.isSymbol("-") && in.peek().kind() == Kind.NUMBER) return "-" + in.next().text();
    throw TokenStream.error(t, "expected an option value");
  }

  private String string(String what) {
    Token t = in.next();
    if (t.kind() != Kind.STRING) throw TokenStream.error(t, "expected " + what + " in single quotes");
    return t.text();
  }

  private static EmberException notSupported(Token at, String construct) {
    return new EmberException(EmberException.FEATURE_NOT_SUPPORTED, "not supported: " + construct,
        at.line(), at.column(), null);
  }
}
