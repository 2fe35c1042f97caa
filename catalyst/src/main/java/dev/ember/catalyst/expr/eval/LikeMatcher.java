package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Utf8String;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A compiled LIKE / ILIKE pattern: {@code %} matches any sequence, {@code _} one code point, and
 * the optional escape character (none unless given, as in the SQL standard and DuckDB) makes the
 * next character literal. Patterns that are a literal, a prefix, a suffix or an infix compile to
 * byte comparisons; the rest to a regular expression. ILIKE lower-cases pattern and value.
 * Compile once per pattern ({@link #compile}); matching is thread-safe.
 */
public final class LikeMatcher {
  private enum Kind { EXACT, PREFIX, SUFFIX, CONTAINS, ANY, REGEX }

  private static final int CACHE_LIMIT = 1024;
  private static final Map<Key, LikeMatcher> CACHE = new ConcurrentHashMap<>();

  /** Cache key; Utf8String caches its hash, so a lookup allocates only this record. */
  private record Key(Utf8String pattern, Utf8String escape, boolean caseInsensitive) {}

  private final Kind kind;
  private final Utf8String literal;
  private final Pattern regex;
  private final boolean caseInsensitive;

  private LikeMatcher(Kind kind, Utf8String literal, Pattern regex, boolean caseInsensitive) {
    this.kind = kind;
    this.literal = literal;
    this.regex = regex;
    this.caseInsensitive = caseInsensitive;
  }

  /**
   * Compiles {@code pattern}; {@code escape} is null or empty for none, else one character.
   * A bad escape fails with SQLSTATE 22025.
   */
  public static LikeMatcher compile(Utf8String pattern, Utf8String escape, boolean caseInsensitive) {
    String p = pattern.toString();
    if (caseInsensitive) p = p.toLowerCase(java.util.Locale.ROOT);
    int esc = -1;
    if (escape != null && escape.numBytes() > 0) {
      String e = escape.toString();
      if (e.codePointCount(0, e.length()) != 1) {
        throw new EmberException(EvalErrors.INVALID_ESCAPE_SEQUENCE, "invalid escape string: escape string must be empty or one character");
      }
      esc = e.codePointAt(0);
    }
    // Parse into literal runs separated by wildcards.
    StringBuilder regex = new StringBuilder("(?s)");
    StringBuilder run = new StringBuilder();
    java.util.List<String> runs = new java.util.ArrayList<>();
    java.util.List<Character> wilds = new java.util.ArrayList<>();
    boolean underscore = false;
    for (int i = 0; i < p.length(); ) {
      int cp = p.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == esc) {
        if (i >= p.length()) {
          throw new EmberException(EvalErrors.INVALID_ESCAPE_SEQUENCE, "LIKE pattern must not end with escape character");
        }
        int next = p.codePointAt(i);
        i += Character.charCount(next);
        run.appendCodePoint(next);
      } else if (cp == '%' || cp == '_') {
        runs.add(run.toString());
        run.setLength(0);
        wilds.add((char) cp);
        underscore |= cp == '_';
      } else {
        run.appendCodePoint(cp);
      }
    }
    runs.add(run.toString());
    if (!underscore) {
      int n = wilds.size();
      if (n == 0) return new LikeMatcher(Kind.EXACT, Utf8String.of(runs.get(0)), null, caseInsensitive);
      boolean emptyInner = true;
      for (int i = 1; i < runs.size() - 1; i++) emptyInner &= runs.get(i).isEmpty();
      String first = runs.get(0), last = runs.get(runs.size() - 1);
      if (emptyInner) {
        if (first.isEmpty() && last.isEmpty()) {
          // Only '%'s, or '%lit%' when there is exactly one non-empty inner run.
          return new LikeMatcher(Kind.ANY, null, null, caseInsensitive);
        }
        if (last.isEmpty()) return new LikeMatcher(Kind.PREFIX, Utf8String.of(first), null, caseInsensitive);
        if (first.isEmpty()) return new LikeMatcher(Kind.SUFFIX, Utf8String.of(last), null, caseInsensitive);
      }
      if (n == 2 && first.isEmpty() && last.isEmpty()) {
        return new LikeMatcher(Kind.CONTAINS, Utf8String.of(runs.get(1)), null, caseInsensitive);
      }
    }
    for (int i = 0; i < runs.size(); i++) {
      if (!runs.get(i).isEmpty()) regex.append(Pattern.quote(runs.get(i)));
      if (i < wilds.size()) regex.append(wilds.get(i) == '%' ? ".*" : ".");
    }
    return new LikeMatcher(Kind.REGEX, null, Pattern.compile(regex.toString()), caseInsensitive);
  }

  /** A shared compiled matcher for patterns that are not constant (bounded cache). */
  public static LikeMatcher cached(Utf8String pattern, Utf8String escape, boolean caseInsensitive) {
    Key key = new Key(pattern, escape, caseInsensitive);
    LikeMatcher m = CACHE.get(key);
    if (m == null) {
      m = compile(pattern, escape, caseInsensitive);
      if (CACHE.size() >= CACHE_LIMIT) CACHE.clear();
      CACHE.put(key, m);
    }
    return m;
  }

  public boolean matches(Utf8String value) {
    Utf8String v = caseInsensitive ? StringOps.lower(value) : value;
    return switch (kind) {
      case EXACT -> v.equals(literal);
      case PREFIX -> v.startsWith(literal);
      case SUFFIX -> v.endsWith(literal);
      case CONTAINS -> v.contains(literal);
      case ANY -> true;
      case REGEX -> regex.matcher(v.toString()).matches();
    };
  }
}
