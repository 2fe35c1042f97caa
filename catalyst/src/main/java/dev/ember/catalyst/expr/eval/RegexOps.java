package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Utf8String;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions with java.util.regex. {@code REGEXP_LIKE} matches anywhere in the string
 * (PostgreSQL's {@code ~}, DuckDB's regexp_matches); {@code REGEXP_REPLACE} replaces the first
 * match, or every match with the {@code g} flag, and writes back-references as {@code \1}.
 * Flags: {@code i} case-insensitive, {@code c} case-sensitive, {@code s}/{@code n} dot matches
 * newline, {@code g} global.
 */
public final class RegexOps {
  private static final int CACHE_LIMIT = 1024;
  private static final Map<Key, Pattern> CACHE = new ConcurrentHashMap<>();

  private record Key(Utf8String regex, Utf8String flags) {}

  private RegexOps() {}

  /** Compiles (and caches) a pattern; bad patterns fail with SQLSTATE 2201B. */
  public static Pattern pattern(Utf8String regex, Utf8String flags) {
    Key key = new Key(regex, flags);
    Pattern p = CACHE.get(key);
    if (p == null) {
      p = compile(regex, flags);
      if (CACHE.size() >= CACHE_LIMIT) CACHE.clear();
      CACHE.put(key, p);
    }
    return p;
  }

  public static Pattern compile(Utf8String regex, Utf8String flags) {
    int f = 0;
    if (flags != null) {
      for (char c : flags.toString().toCharArray()) {
        switch (c) {
          case 'i': f |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE; break;
          case 'c': f &= ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE); break;
          case 's': case 'n': f |= Pattern.DOTALL; break;
          case 'g': break;
          default: throw new EmberException(EvalErrors.INVALID_PARAMETER_VALUE, "invalid regular expression option: " + c);
        }
      }
    }
    try {
      return Pattern.compile(regex.toString(), f);
    } catch (PatternSyntaxException e) {
      throw new EmberException(EvalErrors.INVALID_REGULAR_EXPRESSION,
          "invalid regular expression: " + e.getDescription(), e);
    }
  }

  public static boolean like(Utf8String s, Pattern p) { return p.matcher(s.toString()).find(); }

  public static boolean like(Utf8String s, Utf8String regex) { return like(s, pattern(regex, null)); }

  public static boolean like(Utf8String s, Utf8String regex, Utf8String flags) { return like(s, pattern(regex, flags)); }

  public static Utf8String replace(Utf8String s, Pattern p, Utf8String replacement, boolean global) {
    Matcher m = p.matcher(s.toString());
    String r = javaReplacement(replacement.toString());
    try {
      return Utf8String.of(global ? m.replaceAll(r) : m.replaceFirst(r));
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      throw new EmberException(EvalErrors.INVALID_PARAMETER_VALUE,
          "invalid replacement string \"" + replacement + "\": " + e.getMessage(), e);
    }
  }

  public static Utf8String replace(Utf8String s, Utf8String regex, Utf8String replacement) {
    return replace(s, pattern(regex, null), replacement, false);
  }

  public static Utf8String replace(Utf8String s, Utf8String regex, Utf8String replacement, Utf8String flags) {
    return replace(s, pattern(regex, flags), replacement, isGlobal(flags));
  }

  public static boolean isGlobal(Utf8String flags) { return flags != null && flags.toString().indexOf('g') >= 0; }

  /** {@code \1} back-references to Java's {@code $1}; a literal {@code $} is escaped. */
  static String javaReplacement(String r) {
    StringBuilder sb = new StringBuilder(r.length());
    for (int i = 0; i < r.length(); i++) {
      char c = r.charAt(i);
      if (c == '\\' && i + 1 < r.length()) {
        char n = r.charAt(++i);
        if (n >= '0' && n <= '9') sb.append('$').append(n);
        else sb.append('\\').append(n);
      } else if (c == '$') {
        sb.append("\\$");
      } else if (c == '\\') {
        sb.append("\\\\");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
