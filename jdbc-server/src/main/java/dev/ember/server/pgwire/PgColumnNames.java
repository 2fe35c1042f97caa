package dev.ember.server.pgwire;

import dev.ember.server.pgwire.PgToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Names the unnamed items of a statement's leading SELECT as PostgreSQL does, by adding
 * {@code AS "name"} before Ember parses it: a function call is named by the function
 * ({@code count(*)} is {@code count}), a cast by its operand's name or else the type
 * ({@code relname::text} is {@code relname}, {@code 1::int4} is {@code int4}), CASE by
 * {@code case}, anything else {@code ?column?}. Clients read columns by these names. Column
 * references, {@code *}, and items with an alias are left alone.
 */
final class PgColumnNames {
  /** Words that end a select list at depth 0. */
  private static final Set<String> LIST_END = Set.of("from", "where", "group", "having", "window", "order", "limit",
      "offset", "fetch", "union", "intersect", "except", "into");
  /** Words after which a trailing name is an operand, not an implicit alias. */
  private static final Set<String> OPERATOR_WORDS = Set.of("is", "not", "and", "or", "like", "ilike", "in", "between",
      "then", "else", "when", "select", "distinct", "all", "by", "as", "escape", "similar", "to");
  private static final Set<String> NOT_ALIASES = Set.of("end", "null", "true", "false");

  private PgColumnNames() {}

  static void apply(PgTokens tokens) {
    int select = leadingSelect(tokens);
    if (select < 0) return;
    int start = tokens.next(select);
    if (tokens.tok(start).isWord("distinct") || tokens.tok(start).isWord("all")) start = tokens.next(start);
    List<int[]> items = new ArrayList<>();
    int depth = 0;
    int itemStart = start;
    int k = start;
    for (; k < tokens.size(); k++) {
      PgToken t = tokens.get(k);
      if (t.isSymbol("(") || t.isSymbol("[") || t.isWord("case")) depth++;
      else if (t.isSymbol(")") || t.isSymbol("]") || t.isWord("end")) depth--;
      if (depth < 0) break;
      if (depth == 0 && (t.isSymbol(",") || t.isSymbol(";") || (t.kind() == Kind.WORD && LIST_END.contains(t.name())))) {
        items.add(new int[] {itemStart, tokens.prev(k)});
        if (!t.isSymbol(",")) break;
        itemStart = tokens.next(k);
      }
    }
    if (k >= tokens.size() || depth < 0) items.add(new int[] {itemStart, tokens.prev(Math.min(k, tokens.size()))});
    for (int i = items.size() - 1; i >= 0; i--) {
      int a = items.get(i)[0];
      int b = items.get(i)[1];
      if (a > b || b < 0) continue;
      String name = name(tokens, a, b);
      if (name == null) continue;
      int origin = tokens.get(b).origin();
      tokens.replace(b + 1, b, List.of(PgToken.made(Kind.SPACE, " ", origin), PgToken.made(Kind.WORD, "AS", origin),
          PgToken.made(Kind.SPACE, " ", origin), PgToken.made(Kind.QUOTED_NAME, "\"" + name.replace("\"", "\"\"") + "\"", origin)));
    }
  }

  /** The first SELECT outside parentheses (a WITH's queries are inside them), or -1. */
  private static int leadingSelect(PgTokens tokens) {
    int depth = 0;
    for (int k = 0; k < tokens.size(); k++) {
      PgToken t = tokens.get(k);
      if (t.isSymbol("(")) depth++;
      else if (t.isSymbol(")")) depth--;
      else if (depth == 0 && t.isWord("select")) return k;
    }
    return -1;
  }

  /** PostgreSQL's name for the item in tokens a..b, or null when it has one already (or is a column). */
  private static String name(PgTokens tokens, int a, int b) {
    if (tokens.get(b).isSymbol("*")) return null;
    int end = b;
    String typeName = null;
    int cast = firstCast(tokens, a, b);
    if (cast > a) {
      // x::t1::t2 …: a cast of the whole item only if the casts run to its end
      int operandEnd = tokens.prev(cast);
      String last = null;
      int at = cast;
      while (at < tokens.size() && tokens.get(at).isSymbol("::")) {
        PgTypeNames.Ref type = PgTypeNames.parse(tokens.list(), tokens.next(at));
        if (type == null) break;
        last = type.name().replace("\"", "");
        if (type.end() == b) {
          if (tokens.operandStart(operandEnd) != a) return "?column?"; // inside an operator expression
          typeName = last;
          end = operandEnd;
          break;
        }
        at = tokens.next(type.end());
      }
      if (typeName == null) return hasAlias(tokens, a, b) ? null : "?column?";
    }
    if (end == b && hasAlias(tokens, a, b)) return null;
    if (isNameChain(tokens, a, end)) return typeName == null ? null : tokens.get(end).name();
    if (tokens.get(end).isSymbol(")")) {
      int open = matchingOpen(tokens, end);
      int fn = open < 0 ? -1 : tokens.prev(open);
      if (fn >= a && isNameChain(tokens, a, fn)) {
        String function = tokens.get(fn).name();
        if (!function.equals("cast")) return function;
        String inner = castName(tokens, open, end);
        return typeName != null ? typeName : inner;
      }
    }
    if (tokens.get(a).isWord("case") && tokens.get(end).isWord("end") && typeName == null) return "case";
    return typeName != null ? typeName : "?column?";
  }

  /** {@code CAST(x AS t)} between parentheses open..close: x's name if x is a column, else t's. */
  private static String castName(PgTokens tokens, int open, int close) {
    int depth = 0;
    for (int k = open + 1; k < close; k++) {
      PgToken t = tokens.get(k);
      if (t.isSymbol("(")) depth++;
      else if (t.isSymbol(")")) depth--;
      else if (depth == 0 && t.isWord("as")) {
        int operandEnd = tokens.prev(k);
        if (isNameChain(tokens, tokens.next(open), operandEnd)) return tokens.get(operandEnd).name();
        PgTypeNames.Ref type = PgTypeNames.parse(tokens.list(), tokens.next(k));
        return type == null ? "?column?" : type.name().replace("\"", "");
      }
    }
    return "?column?";
  }

  /** True when the item ends in a name that is its alias ({@code expr AS n} or {@code expr n}). */
  private static boolean hasAlias(PgTokens tokens, int a, int b) {
    PgToken last = tokens.get(b);
    if (!last.isName() || (last.kind() == Kind.WORD && NOT_ALIASES.contains(last.name()))) return false;
    int p = tokens.prev(b);
    if (p < a) return false;
    PgToken before = tokens.get(p);
    if (before.isWord("as")) return true;
    if (before.isSymbol(")") || before.isSymbol("]") || before.kind() == Kind.STRING || before.kind() == Kind.NUMBER
        || before.kind() == Kind.ESCAPE_STRING) {
      return true;
    }
    return before.isName() && !(before.kind() == Kind.WORD && OPERATOR_WORDS.contains(before.name()));
  }

  /** The first {@code ::} at depth 0 within a..end, or -1. */
  private static int firstCast(PgTokens tokens, int a, int end) {
    int depth = 0;
    for (int k = a; k <= end; k++) {
      PgToken t = tokens.get(k);
      if (t.isSymbol("(") || t.isSymbol("[") || t.isWord("case")) depth++;
      else if (t.isSymbol(")") || t.isSymbol("]") || t.isWord("end")) depth--;
      else if (depth == 0 && t.isSymbol("::")) return k;
    }
    return -1;
  }

  private static int matchingOpen(PgTokens tokens, int close) {
    int depth = 0;
    for (int k = close; k >= 0; k--) {
      if (tokens.get(k).isSymbol(")")) depth++;
      else if (tokens.get(k).isSymbol("(") && --depth == 0) return k;
    }
    return -1;
  }

  /** True when a..end is {@code name} or {@code name.name…}. */
  private static boolean isNameChain(PgTokens tokens, int a, int end) {
    boolean wantName = true;
    for (int k = a; k <= end; k++) {
      PgToken t = tokens.get(k);
      if (t.kind() == Kind.SPACE) continue;
      if (wantName ? !t.isName() : !t.isSymbol(".")) return false;
      wantName = !wantName;
    }
    return !wantName;
  }
}
