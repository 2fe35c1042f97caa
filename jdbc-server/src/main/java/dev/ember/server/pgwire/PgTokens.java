package dev.ember.server.pgwire;

import dev.ember.server.pgwire.PgToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The token list {@link PgSyntax} rewrites, with the navigation its passes share: neighbours
 * across spaces, matching brackets and CASE … END, and the extent of the primary expression (a
 * name, literal, call, parenthesised expression or CASE) an infix operator or {@code ::} binds to.
 */
final class PgTokens {
  /** Words after which a parenthesis is not a function call's. */
  private static final Set<String> KEYWORDS = Set.of("select", "where", "and", "or", "not", "on", "in", "from",
      "when", "then", "else", "as", "by", "having", "is", "like", "ilike", "between", "case", "join", "using",
      "values", "union", "all", "distinct", "with", "limit", "offset", "exists", "any", "some", "set", "return",
      "intersect", "except", "lateral", "escape");
  private static final Set<String> LITERAL_TYPES = Set.of("date", "timestamp", "time", "interval");

  private final List<PgToken> tokens;
  /** The length of the user's text: the origin of the empty token beyond either end. */
  private final int textLength;

  PgTokens(List<PgToken> tokens, int textLength) {
    this.tokens = new ArrayList<>(tokens);
    this.textLength = textLength;
  }

  List<PgToken> list() { return tokens; }

  int size() { return tokens.size(); }

  PgToken get(int k) { return tokens.get(k); }

  List<PgToken> subList(int from, int to) { return tokens.subList(from, to); }

  /** The first token of the primary expression ending at token {@code end}, or -1. */
  int operandStart(int end) {
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
  int operandEnd(int start) {
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
  int matchForward(int open) {
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
  PgToken tok(int k) {
    return k >= 0 && k < tokens.size() ? tokens.get(k) : new PgToken(Kind.SPACE, "", textLength, true);
  }

  int prev(int i) {
    int k = i - 1;
    while (k >= 0 && tokens.get(k).kind() == Kind.SPACE) k--;
    return k;
  }

  int next(int i) {
    int k = i + 1;
    while (k < tokens.size() && tokens.get(k).kind() == Kind.SPACE) k++;
    return k;
  }

  void replace(int from, int to, List<PgToken> with) {
    List<PgToken> copy = List.copyOf(with);
    tokens.subList(from, to + 1).clear();
    tokens.addAll(from, copy);
  }
}
