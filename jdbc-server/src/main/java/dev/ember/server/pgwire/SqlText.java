package dev.ember.server.pgwire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexical helpers over statement text that respect string literals, quoted identifiers and
 * comments: placeholder ({@code $n}) substitution and counting, and the parameter types a
 * {@code CAST($n AS type)} implies.
 */
final class SqlText {
  private static final Pattern CAST = Pattern.compile(
      "(?i)CAST\\s*\\(\\s*\\$(\\d+)\\s+AS\\s+([a-z_ ]+?)\\s*(?:\\(|\\))");

  private SqlText() {}

  /** A {@code $n} in the text: where it starts and ends, and n. */
  record Placeholder(int start, int end, int number) {}

  /** The placeholders outside literals, identifiers and comments, in order. */
  static List<Placeholder> placeholders(String sql) {
    List<Placeholder> out = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int afterComment = skipComment(sql, i);
      if (c == '\'' || c == '"') {
        i = skipQuoted(sql, i, c);
      } else if (afterComment > i) {
        i = afterComment;
      } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))
          && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)) && sql.charAt(i - 1) != '_')) {
        int j = i + 1;
        while (j < n && Character.isDigit(sql.charAt(j))) j++;
        try {
          out.add(new Placeholder(i, j, Integer.parseInt(sql.substring(i + 1, j))));
        } catch (NumberFormatException e) {
          throw new PgError(PgError.PROTOCOL_VIOLATION, "parameter number too large: " + sql.substring(i, j));
        }
        i = j;
      } else {
        i++;
      }
    }
    return out;
  }

  private static int skipQuoted(String sql, int i, char quote) {
    int j = i + 1;
    while (j < sql.length()) {
      if (sql.charAt(j) == quote) {
        if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return j;
  }

  /** The highest placeholder number used (0 when there is none). */
  static int parameterCount(String sql) {
    int max = 0;
    for (Placeholder p : placeholders(sql)) max = Math.max(max, p.number());
    return max;
  }

  /** The text with each {@code $n} replaced by {@code literals[n-1]}. */
  static String substitute(String sql, String[] literals) {
    List<Placeholder> ps = placeholders(sql);
    if (ps.isEmpty()) return sql;
    StringBuilder sb = new StringBuilder(sql.length() + 16 * ps.size());
    int at = 0;
    for (Placeholder p : ps) {
      if (p.number() < 1 || p.number() > literals.length) {
        throw new PgError(PgError.PROTOCOL_VIOLATION, "there is no parameter $" + p.number());
      }
      sb.append(sql, at, p.start()).append(literals[p.number() - 1]);
      at = p.end();
    }
    return sb.append(sql, at, sql.length()).toString();
  }

  /** The type implied by {@code CAST($n AS type)} for parameter n (1-based), or null. */
  static PgType castType(String sql, int n) {
    Matcher m = CAST.matcher(sql);
    while (m.find()) {
      if (Integer.parseInt(m.group(1)) != n) continue;
      PgType t = typeNamed(m.group(2).trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
      if (t != null) return t;
    }
    return null;
  }

  static PgType typeNamed(String name) {
    return switch (name) {
      case "boolean", "bool" -> PgType.BOOL;
      case "tinyint", "smallint", "int2" -> PgType.INT2;
      case "int", "integer", "int4" -> PgType.INT4;
      case "bigint", "int8" -> PgType.INT8;
      case "real", "float4", "float" -> PgType.FLOAT4;
      case "double", "double precision", "float8" -> PgType.FLOAT8;
      case "decimal", "numeric" -> PgType.NUMERIC;
      case "date" -> PgType.DATE;
      case "timestamp" -> PgType.TIMESTAMP;
      case "timestamp with time zone", "timestamptz" -> PgType.TIMESTAMPTZ;
      case "varchar", "char", "text", "string", "character varying" -> PgType.VARCHAR;
      case "varbinary", "binary", "bytea" -> PgType.BYTEA;
      case "interval" -> PgType.INTERVAL;
      default -> null;
    };
  }

  /** The first word of the statement, upper-cased, after whitespace, comments and '('. */
  static String firstWord(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int afterComment = skipComment(sql, i);
      if (Character.isWhitespace(c) || c == '(') {
        i++;
      } else if (afterComment > i) {
        i = afterComment;
      } else {
        break;
      }
    }
    int j = i;
    while (j < n && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) j++;
    return sql.substring(i, j).toUpperCase(Locale.ROOT);
  }

  /** The index just after a line or block comment starting at {@code i}; {@code i} when none does. */
  private static int skipComment(String sql, int i) {
    int n = sql.length();
    if (i + 1 >= n) return i;
    if (sql.charAt(i) == '-' && sql.charAt(i + 1) == '-') {
      int nl = sql.indexOf('\n', i);
      return nl < 0 ? n : nl + 1;
    }
    if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
      int end = sql.indexOf("*/", i + 2);
      return end < 0 ? n : end + 2;
    }
    return i;
  }
}
