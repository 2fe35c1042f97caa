package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.types.DataType;

/**
 * Parses {@code YYYY-MM-DD[( |T)HH:MM[:SS[.fffffffff]]][ ][Z|±HH[:MM]]} as PostgreSQL and DuckDB
 * accept it. A DATE ignores a time part; a TIMESTAMP ignores a zone offset; a TIMESTAMP WITH TIME
 * ZONE applies it (no offset means UTC). Fractions beyond microseconds are truncated.
 */
final class DateTimeParser {
  private final String text;
  private final DataType target;
  private final String s;
  private int pos;

  private DateTimeParser(String text, DataType target) {
    this.text = text;
    this.target = target;
    this.s = text.trim();
  }

  static int parseDate(String text, DataType target) {
    DateTimeParser p = new DateTimeParser(text, target);
    int days = p.date();
    if (p.pos < p.s.length()) {
      char c = p.s.charAt(p.pos);
      if (c != ' ' && c != 'T') throw p.bad();
      p.pos++;
      p.timeAndZone();
    }
    return days;
  }

  static long parseTimestamp(String text, DataType target, boolean applyZone) {
    DateTimeParser p = new DateTimeParser(text, target);
    long micros = CastOps.dateToTimestamp(p.date());
    if (p.pos < p.s.length()) {
      char c = p.s.charAt(p.pos);
      if (c != ' ' && c != 'T') throw p.bad();
      p.pos++;
      long[] tz = p.timeAndZone();
      micros += tz[0];
      if (applyZone) micros -= tz[1] * 1_000_000L;
    }
    return micros;
  }

  private int date() {
    boolean neg = s.startsWith("-");
    if (neg) pos++;
    int y = number(1, 9);
    expect('-');
    int m = number(1, 2);
    expect('-');
    int d = number(1, 2);
    return TextCasts.epochDay(text, target, neg ? -y : y, m, d);
  }

  /** Returns {microseconds in the day, offset seconds}. */
  private long[] timeAndZone() {
    while (pos < s.length() && s.charAt(pos) == ' ') pos++;
    if (pos == s.length()) return new long[] {0, 0};
    int h = number(1, 2);
    expect(':');
    int mi = number(1, 2);
    int sec = 0;
    long frac = 0;
    if (pos < s.length() && s.charAt(pos) == ':') {
      pos++;
      sec = number(1, 2);
      if (pos < s.length() && s.charAt(pos) == '.') {
        pos++;
        int start = pos;
        while (pos < s.length() && isDigit(s.charAt(pos))) pos++;
        if (pos == start) throw bad();
        String f = (s.substring(start, pos) + "000000").substring(0, 6);
        frac = Long.parseLong(f);
      }
    }
    if (h > 24 || mi > 59 || sec > 60 || (h == 24 && (mi > 0 || sec > 0 || frac > 0))) throw bad();
    long micros = ((h * 60L + mi) * 60 + sec) * 1_000_000L + frac;
    while (pos < s.length() && s.charAt(pos) == ' ') pos++;
    long offset = 0;
    if (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == 'Z' || c == 'z') {
        pos++;
      } else if (c == '+' || c == '-') {
        pos++;
        int oh = number(1, 2), om = 0;
        if (pos < s.length() && s.charAt(pos) == ':') {
          pos++;
          om = number(2, 2);
        } else if (pos + 1 < s.length() && isDigit(s.charAt(pos))) {
          om = number(2, 2);
        }
        if (oh > 15 || om > 59) throw bad();
        offset = (oh * 3600L + om * 60L) * (c == '-' ? -1 : 1);
      } else {
        throw bad();
      }
    }
    if (pos != s.length()) throw bad();
    return new long[] {micros, offset};
  }

  private int number(int minDigits, int maxDigits) {
    int start = pos;
    while (pos < s.length() && pos - start < maxDigits && isDigit(s.charAt(pos))) pos++;
    if (pos - start < minDigits) throw bad();
    return Integer.parseInt(s.substring(start, pos));
  }

  private void expect(char c) {
    if (pos >= s.length() || s.charAt(pos) != c) throw bad();
    pos++;
  }

  private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

  private RuntimeException bad() { return EvalErrors.invalidText(text, target); }
}
