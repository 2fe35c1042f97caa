package dev.ember.sql.parser;

import dev.ember.sql.command.Lexer;
import dev.ember.sql.command.Token;
import dev.ember.sql.command.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lets a few words that Calcite reserves but Spark and PostgreSQL users write as plain names
 * ({@code sum(x) AS value}, {@code ORDER BY value}, {@code t.year}, {@code AS date}) be used as
 * such, by double-quoting them where they can only be names before Calcite parses the text.
 * Quoted and unquoted names match alike (case-insensitively), so the meaning is unchanged.
 *
 * <p>Where a name is quoted:
 * <ul>
 *   <li>{@code VALUE} anywhere except after NEXT/CURRENT (sequences) or before {@code (};</li>
 *   <li>{@code DATE}, {@code TIMESTAMP} when no literal string or {@code (} follows;</li>
 *   <li>any of the words after {@code AS} (except a CAST's type) or after {@code .};</li>
 *   <li>{@code RETURNS} everywhere (a keyword of CREATE FUNCTION only; TPC-DS names a column so);</li>
 *   <li>{@code DAY} before {@code (} unless a string precedes it (an interval qualifier's
 *       precision, {@code INTERVAL '1' DAY(3)}): Spark's and DuckDB's {@code day(date)}, which
 *       the validator knows as {@link dev.ember.sql.validate.EmberFunctions#DAY}.</li>
 * </ul>
 * Positions reported against the rewritten text are mapped back with {@link #toOriginalColumn}.
 */
public final class SoftKeywords {
  private static final Set<String> WORDS = Set.of("VALUE", "DATE", "TIMESTAMP", "TIME", "YEAR", "MONTH", "DAY",
      "HOUR", "MINUTE", "SECOND", "USER", "RESULT", "LANGUAGE", "RETURNS");
  /** Words that only statements Ember does not parse with Calcite (CREATE FUNCTION) use as keywords. */
  private static final Set<String> ALWAYS_NAMES = Set.of("RETURNS");
  private static final Set<String> LITERAL_TYPES = Set.of("DATE", "TIMESTAMP");
  private static final Set<String> CASTS = Set.of("CAST", "TRY_CAST", "SAFE_CAST");

  private final String original;
  private final String rewritten;
  /** Per rewritten token start: the (line, rewritten column) of each inserted quote. */
  private final List<int[]> inserts;

  private SoftKeywords(String original, String rewritten, List<int[]> inserts) {
    this.original = original;
    this.rewritten = rewritten;
    this.inserts = inserts;
  }

  public static SoftKeywords rewrite(String sql) {
    List<Token> tokens;
    try {
      tokens = Lexer.tokenize(sql);
    } catch (RuntimeException e) {
      return new SoftKeywords(sql, sql, List.of());
    }
    List<Token> toQuote = new ArrayList<>();
    Deque<Boolean> castParens = new ArrayDeque<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      Token prev = i > 0 ? tokens.get(i - 1) : null;
      if (t.isSymbol("(")) castParens.push(prev != null && prev.kind() == Kind.WORD && CASTS.contains(upper(prev)));
      if (t.isSymbol(")") && !castParens.isEmpty()) castParens.pop();
      if (t.kind() == Kind.WORD && WORDS.contains(upper(t))
          && isName(t, prev, tokens.get(Math.min(i + 1, tokens.size() - 1)), !castParens.isEmpty() && castParens.peek())) {
        toQuote.add(t);
      }
    }
    if (toQuote.isEmpty()) return new SoftKeywords(sql, sql, List.of());
    StringBuilder sb = new StringBuilder(sql.length() + 2 * toQuote.size());
    List<int[]> inserts = new ArrayList<>();
    int from = 0;
    int shiftOnLine = 0;
    int line = -1;
    for (Token t : toQuote) {
      if (t.line() != line) {
        line = t.line();
        shiftOnLine = 0;
      }
      sb.append(sql, from, t.offset()).append('"').append(t.text()).append('"');
      // The opening quote sits where the word began; the word and all after it move right.
      inserts.add(new int[] {t.line(), t.column() + shiftOnLine});
      inserts.add(new int[] {t.line(), t.column() + shiftOnLine + t.text().length() + 1});
      shiftOnLine += 2;
      from = t.end();
    }
    sb.append(sql, from, sql.length());
    return new SoftKeywords(sql, sb.toString(), inserts);
  }

  private static boolean isName(Token t, Token prev, Token next, boolean inCast) {
    String w = upper(t);
    boolean afterAs = prev != null && prev.isWord("AS");
    if (afterAs && inCast) return false;
    if (afterAs || (prev != null && prev.isSymbol("."))) return !next.isSymbol("(");
    if (w.equals("VALUE")) {
      return !next.isSymbol("(") && !(prev != null && (prev.isWord("NEXT") || prev.isWord("CURRENT")));
    }
    if (ALWAYS_NAMES.contains(w)) return true;
    if (w.equals("DAY") && next.isSymbol("(")) return prev == null || prev.kind() != Kind.STRING;
    if (LITERAL_TYPES.contains(w)) {
      return next.kind() != Kind.STRING && !next.isSymbol("(") && !(prev != null && prev.isSymbol("::"));
    }
    return false;
  }

  private static String upper(Token t) { return t.text().toUpperCase(Locale.ROOT); }

  public String original() { return original; }

  /** The text for Calcite. */
  public String text() { return rewritten; }

  public boolean changed() { return !inserts.isEmpty(); }

  /** The column in the original text of a 1-based column of {@code line} in the rewritten text. */
  public int toOriginalColumn(int line, int column) {
    int shift = 0;
    for (int[] ins : inserts) {
      if (ins[0] == line && ins[1] < column) shift++;
    }
    return column - shift;
  }

  /** As {@link #toOriginalColumn}, for the last column of a span (a closing quote maps to the word's end). */
  public int toOriginalEndColumn(int line, int column) {
    int shift = 0;
    for (int[] ins : inserts) {
      if (ins[0] == line && ins[1] <= column) shift++;
    }
    return column - shift;
  }
}
