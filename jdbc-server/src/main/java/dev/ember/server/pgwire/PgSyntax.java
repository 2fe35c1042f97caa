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
  /** Words after which a parenthesis is not a function call's. */
  private static final Set<String> KEYWORDS = Set.of("select", "where", "and", "or", "not", "on", "in", "from",
      "when", "then", "else", "as", "by", "having", "is", "like", "ilike", "between", "case", "join", "using",
      "values", "union", "all", "distinct", "with", "limit", "offset", "exists", "any", "some", "set", "return",
      "intersect", "except", "lateral", "escape");
  private static final Set<String> LITERAL_TYPES = Set.of("date", "timestamp", "time", "interval");
  private static final Set<String> REGEX_OPS = Set.of("~", "~*", "!~", "!~*");

  private final String sql;
  private final NameResolver names;
  private final List<PgToken> tokens;

  private PgSyntax(String sql, List<PgToken> tokens, NameResolver names) {
    this.sql = sql;
    this.tokens = new ArrayList<>(tokens);
    this.names = names;
  }

  /** The engine's text for {@code sql}; an unknown {@code 'name'::regclass} fails with 42P01. */
  static Rewritten rewrite(String sql, NameResolver names) {
    List<PgToken> tokens = PgLexer.tokenize(sql);
    if (!needsRewrite(tokens)) return Rewritten.of(sql, tokens);
    PgSyntax s = new PgSyntax(sql, tokens, names);
    s.escapeStrings();
    s.operatorCalls();
    s.collations();
    s.catalogFunctions();
    s.niladicCalls();
    s.castTypes();
    s.casts();
    s.regexMatches();
    return Rewritten.of(sql, s.tokens);
  }

  private static boolean needsRewrite(List<PgToken> tokens) {
    for (PgToken t : tokens) {
      if (t.kind() == Kind.ESCAPE_STRING || t.isSymbol("::") || (t.kind() == Kind.SYMBOL && REGEX_OPS.contains(t.text()))
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
        tokens.set(i, PgToken.made(Kind.STRING, "'" + t.stringValue().replace("'", "''") + "'", t.origin()));
      }
    }
  }

  /** {@code OPERATOR(pg_catalog.~)} becomes the bare operator. */
  private void operatorCalls() {
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isWord("operator")) continue;
      int open = next(i);
      if (open >= tokens.size() || !tokens.get(open).isSymbol("(")) continue;
      int close = matchForward(open);
      if (close < 0) continue;
      StringBuilder op = new StringBuilder();
      for (int k = open + 1; k < close; k++) {
        PgToken t = tokens.get(k);
        if (t.isSymbol(".")) op.setLength(0);
        else if (t.kind() == Kind.SYMBOL) op.append(t.text());
      }
      if (op.length() == 0) continue;
      replace(i, close, List.of(PgToken.made(Kind.SYMBOL, op.toString(), tokens.get(i).origin())));
    }
  }

  /** {@code COLLATE pg_catalog.default} (psql's patterns) is dropped with the space before it. */
  private void collations() {
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isWord("collate")) continue;
      int end = next(i);
      if (end >= tokens.size() || !tokens.get(end).isName()) continue;
      while (tok(next(end)).isSymbol(".") && tok(next(next(end))).isName()) end = next(next(end));
      int start = i > 0 && tokens.get(i - 1).kind() == Kind.SPACE ? i - 1 : i;
      replace(start, end, List.of());
      i = start - 1;
    }
  }

  private void catalogFunctions() {
    for (int i = 0; i < tokens.size(); i++) {
      PgToken t = tokens.get(i);
      if (t.isWord("pg_catalog")) {
        int dot = next(i);
        int name = dot < tokens.size() && tokens.get(dot).isSymbol(".") ? next(dot) : tokens.size();
        int open = name < tokens.size() ? next(name) : tokens.size();
        if (open < tokens.size() && tokens.get(name).kind() == Kind.WORD && tokens.get(open).isSymbol("(")
            && !tokens.get(name).isWord("pg_get_keywords")) {
          replace(i, name - 1, List.of());
        }
      } else if (t.isWord("pg_get_keywords")) {
        int open = next(i);
        int close = open < tokens.size() && tokens.get(open).isSymbol("(") ? next(open) : tokens.size();
        if (close < tokens.size() && tokens.get(close).isSymbol(")")) {
          int start = i;
          int before = prev(i);
          if (before >= 0 && tokens.get(before).isSymbol(".") && prev(before) >= 0 && tokens.get(prev(before)).isWord("pg_catalog")) {
            start = prev(before);
          }
          replace(start, close, List.of(PgToken.made(Kind.WORD, "pg_catalog.pg_get_keywords", tokens.get(start).origin())));
        }
      }
    }
  }

  /** {@code current_schema()}: Calcite knows the keyword form only. */
  private void niladicCalls() {
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isWord("current_schema") && !tokens.get(i).isWord("current_catalog")) continue;
      int open = next(i);
      int close = next(open);
      if (tok(open).isSymbol("(") && tok(close).isSymbol(")")) replace(i + 1, close, List.of());
    }
  }

  /** The type of each {@code CAST(x AS type)} written with a PostgreSQL name. */
  private void castTypes() {
    Deque<Boolean> castParens = new ArrayDeque<>();
    for (int i = 0; i < tokens.size(); i++) {
      PgToken t = tokens.get(i);
      if (t.isSymbol("(")) {
        int p = prev(i);
        castParens.push(p >= 0 && (tokens.get(p).isWord("cast") || tokens.get(p).isWord("try_cast")));
      } else if (t.isSymbol(")")) {
        if (!castParens.isEmpty()) castParens.pop();
      } else if (t.isWord("as") && !castParens.isEmpty() && castParens.peek()) {
        PgTypeNames.Ref type = PgTypeNames.parse(tokens, next(i));
        String ember = type == null ? null : PgTypeNames.emberType(type);
        if (ember != null) {
          replace(type.start(), type.end(), List.of(PgToken.made(Kind.WORD, ember, tokens.get(type.start()).origin())));
        }
      }
    }
  }

  private void casts() {
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isSymbol("::")) continue;
      int leftEnd = prev(i);
      int leftStart = leftEnd < 0 ? -1 : operandStart(leftEnd);
      PgTypeNames.Ref type = PgTypeNames.parse(tokens, next(i));
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
      replace(leftStart, type.end(), replacement);
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

  private void regexMatches() {
    for (int i = 0; i < tokens.size(); i++) {
      PgToken op = tokens.get(i);
      if (op.kind() != Kind.SYMBOL || !REGEX_OPS.contains(op.text())) continue;
      int leftEnd = prev(i);
      int leftStart = leftEnd < 0 ? -1 : operandStart(leftEnd);
      int rightStart = next(i);
      int rightEnd = rightStart >= tokens.size() ? -1 : operandEnd(rightStart);
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
      replace(leftStart, rightEnd, r);
      i = leftStart + r.size() - 1;
    }
  }

  // ---- operands ------------------------------------------------------------------------------

  /** The first token of the primary expression ending at token {@code end}, or -1. */
  private int operandStart(int end) {
    PgToken t = tokens.get(end);
    int start;
    if (t.isSymbol(")") || t.isSymbol("]")) {
      start = matchBack(end);
      if (start < 0) return -1;
      int p = prev(start);
      if (p >= 0 && t.isSymbol("]")) {
        PgToken before = tokens.get(p);
        if (before.isSymbol(")") || before.isSymbol("]") || before.isName() || before.isWord("array")) return operandStart(p);
        return start;
      }
      if (p >= 0 && tokens.get(p).isName() && !(tokens.get(p).kind() == Kind.WORD && KEYWORDS.contains(tokens.get(p).name()))) {
        start = nameChainStart(p);
      }
      return start;
    }
    if (t.isWord("end")) return matchBack(end);
    if (t.isName()) return nameChainStart(end);
    if (t.kind() == Kind.STRING || t.kind() == Kind.ESCAPE_STRING) {
      int p = prev(end);
      return p >= 0 && tokens.get(p).kind() == Kind.WORD && LITERAL_TYPES.contains(tokens.get(p).name()) ? p : end;
    }
    if (t.kind() == Kind.NUMBER || t.kind() == Kind.PARAM) return end;
    return -1;
  }

  private int nameChainStart(int at) {
    int start = at;
    while (true) {
      int dot = prev(start);
      if (dot < 0 || !tokens.get(dot).isSymbol(".")) return start;
      int name = prev(dot);
      if (name < 0 || !tokens.get(name).isName()) return start;
      start = name;
    }
  }

  /** The last token of the primary expression starting at token {@code start}, or -1. */
  private int operandEnd(int start) {
    PgToken t = tokens.get(start);
    int end;
    if (t.isSymbol("(")) {
      end = matchForward(start);
    } else if (t.isWord("case")) {
      end = matchForward(start);
    } else if (t.isSymbol("-") && next(start) < tokens.size() && tokens.get(next(start)).kind() == Kind.NUMBER) {
      end = next(start);
    } else if (t.kind() == Kind.WORD && LITERAL_TYPES.contains(t.name()) && next(start) < tokens.size()
        && tokens.get(next(start)).kind() == Kind.STRING) {
      end = next(start);
    } else if (t.isName()) {
      end = start;
      while (tok(next(end)).isSymbol(".") && tok(next(next(end))).isName()) end = next(next(end));
      int open = next(end);
      if (open < tokens.size() && tokens.get(open).isSymbol("(")) end = matchForward(open);
    } else if (t.kind() == Kind.STRING || t.kind() == Kind.NUMBER || t.kind() == Kind.PARAM) {
      end = start;
    } else {
      return -1;
    }
    while (end >= 0 && next(end) < tokens.size() && tokens.get(next(end)).isSymbol("[")) end = matchForward(next(end));
    return end;
  }

  /** The matching opener of a {@code )}, {@code ]} or {@code END} at {@code close}, or -1. */
  private int matchBack(int close) {
    PgToken c = tokens.get(close);
    int depth = 0;
    for (int k = close; k >= 0; k--) {
      PgToken t = tokens.get(k);
      if (closes(t, c)) depth++;
      else if (opens(t, c) && --depth == 0) return k;
    }
    return -1;
  }

  /** The matching closer of a {@code (}, {@code [} or {@code CASE} at {@code open}, or -1. */
  private int matchForward(int open) {
    PgToken o = tokens.get(open);
    int depth = 0;
    for (int k = open; k < tokens.size(); k++) {
      PgToken t = tokens.get(k);
      if (sameOpener(t, o)) depth++;
      else if (closerOf(t, o) && --depth == 0) return k;
    }
    return -1;
  }

  private static boolean closes(PgToken t, PgToken close) {
    return close.isWord("end") ? t.isWord("end") : t.isSymbol(close.text());
  }

  private static boolean opens(PgToken t, PgToken close) {
    if (close.isWord("end")) return t.isWord("case");
    return t.isSymbol(close.isSymbol(")") ? "(" : "[");
  }

  private static boolean sameOpener(PgToken t, PgToken open) {
    return open.isWord("case") ? t.isWord("case") : t.isSymbol(open.text());
  }

  private static boolean closerOf(PgToken t, PgToken open) {
    if (open.isWord("case")) return t.isWord("end");
    return t.isSymbol(open.isSymbol("(") ? ")" : "]");
  }

  /** The token at {@code k}, or an empty SPACE token past either end. */
  private PgToken tok(int k) {
    return k >= 0 && k < tokens.size() ? tokens.get(k) : new PgToken(Kind.SPACE, "", sql.length(), true);
  }

  private int prev(int i) {
    int k = i - 1;
    while (k >= 0 && tokens.get(k).kind() == Kind.SPACE) k--;
    return k;
  }

  private int next(int i) {
    int k = i + 1;
    while (k < tokens.size() && tokens.get(k).kind() == Kind.SPACE) k++;
    return k;
  }

  private void replace(int from, int to, List<PgToken> with) {
    List<PgToken> copy = List.copyOf(with);
    tokens.subList(from, to + 1).clear();
    tokens.addAll(from, copy);
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
