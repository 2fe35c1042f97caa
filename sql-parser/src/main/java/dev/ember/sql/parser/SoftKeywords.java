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
 *   <li>{@code RETURNS}, {@code INITIAL} and a few more everywhere (keywords only of CREATE FUNCTION
 *       and MATCH_RECOGNIZE, which Ember does not run; TPC-DS names a column {@code returns});</li>
 *   <li>{@code COUNT}, {@code RANK}, {@code SUM} and other function names when no {@code (} follows;</li>
 *   <li>the interval units {@code YEAR} … {@code SECOND} everywhere except where a unit stands
 *       ({@link #isUnit}) or before {@code (}: {@code SELECT year … GROUP BY year} (TPC-DS q66);</li>
 *   <li>{@code DAY} before {@code (} unless a string precedes it (an interval qualifier's
 *       precision, {@code INTERVAL '1' DAY(3)}): Spark's and DuckDB's {@code day(date)}, which
 *       the validator knows as {@link dev.ember.sql.validate.EmberFunctions#DAY}.</li>
 * </ul>
 * A {@code SELECT} without {@code FROM} but with {@code WHERE} (as PostgreSQL and DuckDB accept)
 * gets {@code FROM (VALUES (0))} before its WHERE.
 * Positions reported against the rewritten text are mapped back with {@link #toOriginalColumn}.
 */
public final class SoftKeywords {
  private static final Set<String> WORDS = Set.of("VALUE", "DATE", "TIMESTAMP", "TIME", "YEAR", "MONTH", "DAY",
      "HOUR", "MINUTE", "SECOND", "USER", "RESULT", "LANGUAGE", "RETURNS", "INITIAL", "COUNT", "RANK", "START",
      "POSITION", "PERCENT", "LEVEL", "SOURCE", "LOCAL", "GLOBAL", "CONDITION", "PERIOD", "MODULE", "METHOD", "ELEMENT",
      "EMPTY", "MEMBER", "PATTERN", "MEASURES", "DEFINE", "SKIP", "OPEN", "CLOSE", "NEXT", "SCOPE", "REF", "SUM",
      "MIN", "MAX", "AVG", "ABS", "POWER", "LOWER", "UPPER");
  /** Words that are keywords only as function names: names wherever no {@code (} follows. */
  private static final Set<String> FUNCTION_NAMES = Set.of("COUNT", "RANK", "POSITION", "SUM", "MIN", "MAX", "AVG",
      "ABS", "POWER", "LOWER", "UPPER");
  /**
   * Words that only constructs Ember does not parse with Calcite use as keywords: CREATE FUNCTION
   * ({@code RETURNS}, {@code LANGUAGE}) and MATCH_RECOGNIZE ({@code INITIAL}, {@code MEASURES}, …).
   */
  private static final Set<String> ALWAYS_NAMES = Set.of("RETURNS", "LANGUAGE", "INITIAL", "MEASURES", "DEFINE",
      "PATTERN");
  /** Interval units: names (Spark's {@code d_year AS year … GROUP BY year}) except where a unit stands. */
  private static final Set<String> UNITS = Set.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND");
  /** Functions with a unit keyword argument: {@code EXTRACT(YEAR FROM d)}, {@code DATE_TRUNC(d, YEAR)}, … */
  private static final Set<String> UNIT_FUNCTIONS = Set.of("EXTRACT", "TIMESTAMPADD", "TIMESTAMPDIFF", "DATE_TRUNC",
      "TIMESTAMP_TRUNC", "TIME_TRUNC", "DATE_DIFF", "TIMESTAMP_DIFF", "DATEADD", "DATEDIFF", "DATE_PART", "FLOOR", "CEIL");
  private static final Set<String> LITERAL_TYPES = Set.of("DATE", "TIMESTAMP");
  private static final Set<String> CASTS = Set.of("CAST", "TRY_CAST", "SAFE_CAST");
  /** The one-row input a SELECT without FROM but with WHERE reads (Calcite's grammar needs a FROM). */
  private static final String DUAL = "FROM (VALUES (0)) ";

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
    List<Insert> edits = new ArrayList<>();
    // Per open parenthesis: the (upper-case) function word before it, or "" for a plain parenthesis.
    Deque<String> parenOwners = new ArrayDeque<>();
    // Per open parenthesis depth: whether a SELECT there still waits for its FROM.
    Deque<Boolean> selectWithoutFrom = new ArrayDeque<>();
    selectWithoutFrom.push(false);
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      Token prev = i > 0 ? tokens.get(i - 1) : null;
      if (t.isSymbol("(")) {
        parenOwners.push(prev != null && prev.kind() == Kind.WORD ? upper(prev) : "");
        selectWithoutFrom.push(false);
      }
      if (t.isSymbol(")")) {
        if (!parenOwners.isEmpty()) parenOwners.pop();
        if (selectWithoutFrom.size() > 1) selectWithoutFrom.pop();
      }
      if (t.isWord("SELECT")) replaceTop(selectWithoutFrom, true);
      if (t.isWord("FROM")) replaceTop(selectWithoutFrom, false);
      if (t.isWord("WHERE") && selectWithoutFrom.peek()) {
        edits.add(new Insert(t, t.offset(), t.column(), DUAL));
        replaceTop(selectWithoutFrom, false);
      }
      String owner = parenOwners.isEmpty() ? "" : parenOwners.peek();
      if (t.kind() == Kind.WORD && WORDS.contains(upper(t))
          && isName(t, owner, prev, tokens.get(Math.min(i + 1, tokens.size() - 1)))) {
        edits.add(new Insert(t, t.offset(), t.column(), "\""));
        edits.add(new Insert(t, t.end(), t.column() + t.text().length(), "\""));
      }
    }
    if (edits.isEmpty()) return new SoftKeywords(sql, sql, List.of());
    StringBuilder sb = new StringBuilder(sql.length() + 2 * edits.size());
    List<int[]> inserts = new ArrayList<>();
    int from = 0;
    int shiftOnLine = 0;
    int line = -1;
    for (Insert e : edits) {
      if (e.token().line() != line) {
        line = e.token().line();
        shiftOnLine = 0;
      }
      sb.append(sql, from, e.offset()).append(e.text());
      // Each inserted character sits at its rewritten column; all after it move right.
      for (int k = 0; k < e.text().length(); k++) inserts.add(new int[] {line, e.column() + shiftOnLine + k});
      shiftOnLine += e.text().length();
      from = e.offset();
    }
    sb.append(sql, from, sql.length());
    return new SoftKeywords(sql, sb.toString(), inserts);
  }

  /** Text inserted at {@code offset} (column {@code column} of the token's line) of the original. */
  private record Insert(Token token, int offset, int column, String text) {}

  private static void replaceTop(Deque<Boolean> stack, boolean value) {
    stack.pop();
    stack.push(value);
  }

  /** @param owner the function word whose parentheses enclose {@code t}, or "" */
  private static boolean isName(Token t, String owner, Token prev, Token next) {
    String w = upper(t);
    boolean afterAs = prev != null && prev.isWord("AS");
    if (afterAs && CASTS.contains(owner)) return false;
    if (afterAs || (prev != null && prev.isSymbol("."))) return !next.isSymbol("(");
    if (UNITS.contains(w) && !next.isSymbol("(")) return !isUnit(owner, prev, next);
    if (FUNCTION_NAMES.contains(w)) return !next.isSymbol("(");
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

  /**
   * Whether an interval unit word stands as a unit: after an interval's value ({@code '1' YEAR},
   * {@code 1 YEAR}), in a type ({@code INTERVAL YEAR}), in a range ({@code YEAR TO MONTH},
   * {@code FLOOR(ts TO DAY)}), or anywhere inside {@code EXTRACT(…)}, {@code DATE_TRUNC(…)} and
   * the TIMESTAMPADD family.
   */
  private static boolean isUnit(String owner, Token prev, Token next) {
    if (next.isWord("TO") || UNIT_FUNCTIONS.contains(owner)) return true;
    if (prev == null) return false;
    return prev.kind() == Kind.STRING || prev.kind() == Kind.NUMBER || prev.isWord("INTERVAL") || prev.isWord("TO");
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
