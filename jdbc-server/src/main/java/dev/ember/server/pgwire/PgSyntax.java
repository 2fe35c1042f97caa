package dev.ember.server.pgwire;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.server.pgwire.PgToken.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Rewrites the PostgreSQL-only syntax clients send into SQL Ember's parser reads, before it
 * parses, keeping a map back to the user's text for error positions ({@link Rewritten}):
 * <ul>
 *   <li>{@code x::type} becomes {@code CAST(x AS type)} ({@code ::} binds to the operand just
 *       before it: a name, literal, parenthesised expression, function call or CASE … END);
 *       {@code 'name'::regclass}, {@code ::regtype} and {@code ::regnamespace} on a literal become
 *       the object's OID, {@code 'f'::regproc} the function's bare name;</li>
 *   <li>PostgreSQL type names in casts ({@code int4, int8, float8, bool, text, name, oid,
 *       regclass, "char", text[]} …) become Ember's ({@link PgTypeNames});</li>
 *   <li>{@code a ~ b}, {@code ~*}, {@code !~}, {@code !~*} (also spelled
 *       {@code OPERATOR(pg_catalog.~)}) become {@code REGEXP_LIKE(a, b [, 'i'])}, negated with NOT;</li>
 *   <li>{@code pg_catalog.} before a function name is dropped (the client functions are the
 *       session's macros), and {@code pg_get_keywords()} becomes the table
 *       {@code pg_catalog.pg_get_keywords}; {@code COLLATE name} is dropped (Ember compares
 *       strings by code point);</li>
 *   <li>{@code E'…'} strings become plain literals with their escapes applied.</li>
 * </ul>
 * Not rewritten: an operand of {@code ::} or {@code ~} that is itself an infix expression without
 * parentheses is taken as its last primary only, as PostgreSQL's precedence says for {@code ::}
 * ({@code a || b::text} casts b), but {@code a || b ~ 'x'} is matched as {@code a || (b ~ 'x')}.
 */
final class PgSyntax {
  private static final Set<String> REGEX_OPS = Set.of("~", "~*", "!~", "!~*");

  private final String sql;
  private final NameResolver names;
  private final PgTokens tokens;

  private PgSyntax(String sql, List<PgToken> tokens, NameResolver names) {
    this.sql = sql;
    this.tokens = new PgTokens(tokens, sql.length());
    this.names = names;
  }

  /** The engine's text for {@code sql}; an unknown {@code 'name'::regclass} fails with 42P01. */
  static Rewritten rewrite(String sql, NameResolver names) {
    List<PgToken> tokens = PgLexer.tokenize(sql);
    if (!needsRewrite(tokens)) return Rewritten.of(sql, tokens);
    PgSyntax s = new PgSyntax(sql, tokens, names);
    PgColumnNames.apply(s.tokens); // on the tokens as written: names come from the user's text
    s.escapeStrings();
    s.operatorCalls();
    s.collations();
    s.catalogFunctions();
    s.niladicCalls();
    s.castTypes();
    s.casts();
    s.subscripts();
    s.regexMatches();
    return Rewritten.of(sql, s.tokens.list());
  }

  private static boolean needsRewrite(List<PgToken> tokens) {
    for (PgToken t : tokens) {
      if (t.kind() == Kind.ESCAPE_STRING || t.isSymbol("::") || t.isSymbol("[") || t.isWord("select") || (t.kind() == Kind.SYMBOL && REGEX_OPS.contains(t.text()))
          || t.isWord("operator") || t.isWord("collate") || t.isWord("pg_catalog") || t.isWord("pg_get_keywords")
          || t.isWord("current_schema")
          || t.isWord("cast")) {
        return true;
      }
    }
    return false;
  }

  // ---- passes --------------------------------------------------------------------------------

  private void escapeStrings() {
    for (int i = 0; i < tokens.size(); i++) {
      PgToken t = tokens.get(i);
      if (t.kind() == Kind.ESCAPE_STRING) {
        tokens.replace(i, i, List.of(PgToken.made(Kind.STRING, "'" + t.stringValue().replace("'", "''") + "'", t.origin())));
      }
    }
  }

  /** {@code OPERATOR(pg_catalog.~)} becomes the bare operator. */
  private void operatorCalls() {
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isWord("operator")) continue;
      int open = tokens.next(i);
      if (open >= tokens.size() || !tokens.get(open).isSymbol("(")) continue;
      int close = tokens.matchForward(open);
      if (close < 0) continue;
      StringBuilder op = new StringBuilder();
      for (int k = open + 1; k < close; k++) {
        PgToken t = tokens.get(k);
        if (t.isSymbol(".")) op.setLength(0);
        else if (t.kind() == Kind.SYMBOL) op.append(t.text());
      }
      if (op.length() == 0) continue;
      tokens.replace(i, close, List.of(PgToken.made(Kind.SYMBOL, op.toString(), tokens.get(i).origin())));
    }
  }

  /** {@code COLLATE pg_catalog.default} (psql's patterns) is dropped with the space before it. */
  private void collations() {
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isWord("collate")) continue;
      int end = tokens.next(i);
      if (end >= tokens.size() || !tokens.get(end).isName()) continue;
      while (tokens.tok(tokens.next(end)).isSymbol(".") && tokens.tok(tokens.next(tokens.next(end))).isName()) end = tokens.next(tokens.next(end));
      int start = i > 0 && tokens.get(i - 1).kind() == Kind.SPACE ? i - 1 : i;
      tokens.replace(start, end, List.of());
      i = start - 1;
    }
  }

  private void catalogFunctions() {
    for (int i = 0; i < tokens.size(); i++) {
      PgToken t = tokens.get(i);
      if (t.isWord("pg_catalog")) {
        int dot = tokens.next(i);
        int name = dot < tokens.size() && tokens.get(dot).isSymbol(".") ? tokens.next(dot) : tokens.size();
        int open = name < tokens.size() ? tokens.next(name) : tokens.size();
        if (open < tokens.size() && tokens.get(name).kind() == Kind.WORD && tokens.get(open).isSymbol("(")
            && !tokens.get(name).isWord("pg_get_keywords")) {
          tokens.replace(i, name - 1, List.of());
        }
      } else if (t.isWord("pg_get_keywords")) {
        int open = tokens.next(i);
        int close = open < tokens.size() && tokens.get(open).isSymbol("(") ? tokens.next(open) : tokens.size();
        if (close < tokens.size() && tokens.get(close).isSymbol(")")) {
          int start = i;
          int before = tokens.prev(i);
          if (before >= 0 && tokens.get(before).isSymbol(".") && tokens.prev(before) >= 0 && tokens.get(tokens.prev(before)).isWord("pg_catalog")) {
            start = tokens.prev(before);
          }
          tokens.replace(start, close, List.of(PgToken.made(Kind.WORD, "pg_catalog.pg_get_keywords", tokens.get(start).origin())));
        }
      }
    }
  }

  /** {@code current_schema()}: Calcite knows the keyword form only. */
  private void niladicCalls() {
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isWord("current_schema") && !tokens.get(i).isWord("current_catalog")) continue;
      int open = tokens.next(i);
      int close = tokens.next(open);
      if (tokens.tok(open).isSymbol("(") && tokens.tok(close).isSymbol(")")) tokens.replace(i + 1, close, List.of());
    }
  }

  /** The type of each {@code CAST(x AS type)} written with a PostgreSQL name. */
  private void castTypes() {
    Deque<Boolean> castParens = new ArrayDeque<>();
    for (int i = 0; i < tokens.size(); i++) {
      PgToken t = tokens.get(i);
      if (t.isSymbol("(")) {
        int p = tokens.prev(i);
        castParens.push(p >= 0 && (tokens.get(p).isWord("cast") || tokens.get(p).isWord("try_cast")));
      } else if (t.isSymbol(")")) {
        if (!castParens.isEmpty()) castParens.pop();
      } else if (t.isWord("as") && !castParens.isEmpty() && castParens.peek()) {
        PgTypeNames.Ref type = PgTypeNames.parse(tokens.list(), tokens.next(i));
        String ember = type == null ? null : PgTypeNames.emberType(type);
        if (ember != null) {
          tokens.replace(type.start(), type.end(), List.of(PgToken.made(Kind.WORD, ember, tokens.get(type.start()).origin())));
        }
      }
    }
  }

  private void casts() {
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isSymbol("::")) continue;
      int leftEnd = tokens.prev(i);
      int leftStart = leftEnd < 0 ? -1 : tokens.operandStart(leftEnd);
      PgTypeNames.Ref type = PgTypeNames.parse(tokens.list(), tokens.next(i));
      if (leftStart < 0 || type == null) continue;
      int origin = tokens.get(i).origin();
      List<PgToken> replacement = new ArrayList<>();
      PgToken left = tokens.get(leftStart);
      boolean literal = leftStart == leftEnd && (left.kind() == Kind.STRING || left.kind() == Kind.ESCAPE_STRING);
      if (literal && PgTypeNames.isObjectType(type.name())) {
        replacement.add(objectLiteral(left, type.name()));
      } else {
        String ember = PgTypeNames.emberType(type);
        replacement.add(PgToken.made(Kind.WORD, "CAST", left.origin()));
        replacement.add(PgToken.made(Kind.SYMBOL, "(", left.origin()));
        replacement.addAll(tokens.subList(leftStart, leftEnd + 1));
        replacement.add(PgToken.made(Kind.SPACE, " ", origin));
        replacement.add(PgToken.made(Kind.WORD, "AS", origin));
        replacement.add(PgToken.made(Kind.SPACE, " ", origin));
        if (ember != null) {
          replacement.add(PgToken.made(Kind.WORD, ember, tokens.get(type.start()).origin()));
        } else {
          replacement.addAll(tokens.subList(type.start(), type.end() + 1));
        }
        replacement.add(PgToken.made(Kind.SYMBOL, ")", origin));
      }
      tokens.replace(leftStart, type.end(), replacement);
      i = leftStart + replacement.size() - 1;
    }
  }

  /** {@code 'name'::regclass} (and regtype, regnamespace, regproc) as the value it stands for. */
  private PgToken objectLiteral(PgToken literal, String type) {
    String name = literal.stringValue();
    int oid;
    switch (type) {
      case "regclass" -> {
        oid = names.relationOid(name);
        if (oid < 0) throw error(EmberException.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist", literal);
      }
      case "regtype" -> {
        oid = names.typeOid(name);
        if (oid < 0) throw error("42704", "type \"" + name + "\" does not exist", literal);
      }
      case "regnamespace" -> {
        oid = names.namespaceOid(name);
        if (oid < 0) throw error("3F000", "schema \"" + name + "\" does not exist", literal);
      }
      default -> {
        String bare = name.substring(name.lastIndexOf('.') + 1).replaceAll("\\(.*$", "");
        return PgToken.made(Kind.STRING, "'" + bare.replace("'", "''") + "'", literal.origin());
      }
    }
    return PgToken.made(Kind.NUMBER, Integer.toString(oid), literal.origin());
  }

  /**
   * {@code a[i]} on an array, which Ember holds as PostgreSQL's text form {@code {x,y}}: the i-th
   * element of that list ({@code current_schemas(true)[1]}); {@code ARRAY[…]} constructors stay.
   */
  private void subscripts() {
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isSymbol("[")) continue;
      int leftEnd = tokens.prev(i);
      if (leftEnd < 0 || tokens.get(leftEnd).isWord("array") || tokens.get(leftEnd).isSymbol("]")) continue;
      int leftStart = tokens.operandStart(leftEnd);
      int close = tokens.matchForward(i);
      if (leftStart < 0 || close < 0 || close == tokens.next(i)) continue;
      int origin = tokens.get(leftStart).origin();
      List<PgToken> r = new ArrayList<>();
      r.addAll(made("SPLIT_PART(REPLACE(REPLACE(", origin));
      r.addAll(tokens.subList(leftStart, leftEnd + 1));
      r.addAll(made(", '{', ''), '}', ''), ',', ", tokens.get(i).origin()));
      r.addAll(tokens.subList(i + 1, close));
      r.addAll(made(")", tokens.get(close).origin()));
      tokens.replace(leftStart, close, r);
      i = leftStart + r.size() - 1;
    }
  }

  private void regexMatches() {
    for (int i = 0; i < tokens.size(); i++) {
      PgToken op = tokens.get(i);
      if (op.kind() != Kind.SYMBOL || !REGEX_OPS.contains(op.text())) continue;
      int leftEnd = tokens.prev(i);
      int leftStart = leftEnd < 0 ? -1 : tokens.operandStart(leftEnd);
      int rightStart = tokens.next(i);
      int rightEnd = rightStart >= tokens.size() ? -1 : tokens.operandEnd(rightStart);
      if (leftStart < 0 || rightEnd < 0) continue;
      boolean negated = op.text().startsWith("!");
      int origin = tokens.get(leftStart).origin();
      List<PgToken> r = new ArrayList<>();
      if (negated) {
        r.add(PgToken.made(Kind.SYMBOL, "(", origin));
        r.add(PgToken.made(Kind.WORD, "NOT", origin));
        r.add(PgToken.made(Kind.SPACE, " ", origin));
      }
      r.add(PgToken.made(Kind.WORD, "REGEXP_LIKE", origin));
      r.add(PgToken.made(Kind.SYMBOL, "(", origin));
      r.addAll(tokens.subList(leftStart, leftEnd + 1));
      r.add(PgToken.made(Kind.SYMBOL, ",", op.origin()));
      r.add(PgToken.made(Kind.SPACE, " ", op.origin()));
      r.addAll(tokens.subList(rightStart, rightEnd + 1));
      if (op.text().endsWith("*")) {
        r.add(PgToken.made(Kind.SYMBOL, ",", op.origin()));
        r.add(PgToken.made(Kind.SPACE, " ", op.origin()));
        r.add(PgToken.made(Kind.STRING, "'i'", op.origin()));
      }
      r.add(PgToken.made(Kind.SYMBOL, ")", op.origin()));
      if (negated) r.add(PgToken.made(Kind.SYMBOL, ")", op.origin()));
      tokens.replace(leftStart, rightEnd, r);
      i = leftStart + r.size() - 1;
    }
  }

  /** Made-up tokens for {@code text}, all standing for {@code origin}. */
  private static List<PgToken> made(String text, int origin) {
    List<PgToken> out = new ArrayList<>();
    for (PgToken t : PgLexer.tokenize(text)) out.add(PgToken.made(t.kind(), t.text(), origin));
    return out;
  }

  private EmberException error(String state, String message, PgToken at) {
    int line = 1;
    int lineStart = 0;
    for (int k = 0; k < at.origin(); k++) {
      if (sql.charAt(k) == '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    return new EmberException(state, message, line, at.origin() - lineStart + 1, null);
  }
}
