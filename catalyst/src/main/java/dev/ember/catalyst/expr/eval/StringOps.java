package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.types.Utf8String;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * String functions on UTF-8 bytes. Positions and lengths count code points and are 1-based, as
 * in the SQL standard and PostgreSQL. Pure ASCII input takes byte-level fast paths.
 */
public final class StringOps {
  /** PostgreSQL's {@code substring_error}. */
  public static final String SUBSTRING_ERROR = "22011";
  /** PostgreSQL's {@code program_limit_exceeded}. */
  public static final String PROGRAM_LIMIT_EXCEEDED = "54000";
  /** The longest string (in code points) that padding may produce. */
  public static final int MAX_PADDED_LENGTH = 1 << 24;

  private StringOps() {}

  /** Byte offset where code point {@code cp} (0-based) starts, or the length when past the end. */
  static int offsetOf(byte[] b, long cp) {
    if (cp <= 0) return 0;
    int i = 0;
    long seen = 0;
    while (i < b.length) {
      if ((b[i] & 0xC0) != 0x80) {
        if (seen == cp) return i;
        seen++;
      }
      i++;
    }
    return b.length;
  }

  private static Utf8String slice(byte[] b, int from, int to) {
    if (from == 0 && to == b.length) return Utf8String.wrap(b);
    return Utf8String.copyOf(b, from, Math.max(0, to - from));
  }

  /** {@code SUBSTRING(s FROM start)}. */
  public static Utf8String substring(Utf8String s, long start) {
    byte[] b = s.bytes();
    return slice(b, offsetOf(b, Math.max(start, 1) - 1), b.length);
  }

  /** {@code SUBSTRING(s FROM start FOR len)}: code points [start, start + len) within the string. */
  public static Utf8String substring(Utf8String s, long start, long len) {
    if (len < 0) {
      throw EvalErrors.invalidArgument(SUBSTRING_ERROR, "negative substring length not allowed");
    }
    long end = start > Long.MAX_VALUE - len ? Long.MAX_VALUE : start + len; // exclusive, 1-based
    long from = Math.max(start, 1);
    if (end <= from) return Utf8String.EMPTY;
    byte[] b = s.bytes();
    int fromByte = offsetOf(b, from - 1);
    int toByte = end == Long.MAX_VALUE ? b.length : fromByte + byteSpan(b, fromByte, end - from);
    return slice(b, fromByte, toByte);
  }

  /** Bytes covered by {@code n} code points starting at byte {@code from}. */
  private static int byteSpan(byte[] b, int from, long n) {
    int i = from;
    long seen = 0;
    while (i < b.length) {
      if ((b[i] & 0xC0) != 0x80) {
        if (seen == n) break;
        seen++;
      }
      i++;
    }
    return i - from;
  }

  private static boolean isAscii(byte[] b) {
    for (byte x : b) if (x < 0) return false;
    return true;
  }

  public static Utf8String upper(Utf8String s) {
    byte[] b = s.bytes();
    if (isAscii(b)) {
      byte[] o = null;
      for (int i = 0; i < b.length; i++) {
        if (b[i] >= 'a' && b[i] <= 'z') {
          if (o == null) o = b.clone();
          o[i] = (byte) (b[i] - 32);
        }
      }
      return o == null ? s : Utf8String.wrap(o);
    }
    return Utf8String.of(s.toString().toUpperCase(Locale.ROOT));
  }

  public static Utf8String lower(Utf8String s) {
    byte[] b = s.bytes();
    if (isAscii(b)) {
      byte[] o = null;
      for (int i = 0; i < b.length; i++) {
        if (b[i] >= 'A' && b[i] <= 'Z') {
          if (o == null) o = b.clone();
          o[i] = (byte) (b[i] + 32);
        }
      }
      return o == null ? s : Utf8String.wrap(o);
    }
    return Utf8String.of(s.toString().toLowerCase(Locale.ROOT));
  }

  private static final Utf8String SPACE = Utf8String.of(" ");

  public static Utf8String trim(Utf8String s) { return trim(s, SPACE, true, true); }

  public static Utf8String ltrim(Utf8String s) { return trim(s, SPACE, true, false); }

  public static Utf8String rtrim(Utf8String s) { return trim(s, SPACE, false, true); }

  public static Utf8String trim(Utf8String s, Utf8String chars) { return trim(s, chars, true, true); }

  public static Utf8String ltrim(Utf8String s, Utf8String chars) { return trim(s, chars, true, false); }

  public static Utf8String rtrim(Utf8String s, Utf8String chars) { return trim(s, chars, false, true); }

  /** Removes leading and/or trailing code points that occur in {@code chars}. */
  public static Utf8String trim(Utf8String s, Utf8String chars, boolean leading, boolean trailing) {
    String str = s.toString(), set = chars.toString();
    int from = 0, to = str.length();
    if (leading) {
      while (from < to) {
        int cp = str.codePointAt(from);
        if (set.indexOf(cp) < 0) break;
        from += Character.charCount(cp);
      }
    }
    if (trailing) {
      while (to > from) {
        int cp = str.codePointBefore(to);
        if (set.indexOf(cp) < 0) break;
        to -= Character.charCount(cp);
      }
    }
    return from == 0 && to == str.length() ? s : Utf8String.of(str.substring(from, to));
  }

  public static int charLength(Utf8String s) { return s.length(); }

  public static Utf8String concat(Utf8String a, Utf8String b) {
    if (a.numBytes() == 0) return b;
    if (b.numBytes() == 0) return a;
    byte[] o = new byte[a.numBytes() + b.numBytes()];
    System.arraycopy(a.bytes(), 0, o, 0, a.numBytes());
    System.arraycopy(b.bytes(), 0, o, a.numBytes(), b.numBytes());
    return Utf8String.wrap(o);
  }

  public static Utf8String concat(Utf8String[] parts) {
    int n = 0;
    for (Utf8String p : parts) n += p.numBytes();
    byte[] o = new byte[n];
    int at = 0;
    for (Utf8String p : parts) {
      System.arraycopy(p.bytes(), 0, o, at, p.numBytes());
      at += p.numBytes();
    }
    return Utf8String.wrap(o);
  }

  public static byte[] concat(byte[] a, byte[] b) {
    byte[] o = new byte[a.length + b.length];
    System.arraycopy(a, 0, o, 0, a.length);
    System.arraycopy(b, 0, o, a.length, b.length);
    return o;
  }

  /** Every occurrence of {@code from} replaced; an empty {@code from} changes nothing. */
  public static Utf8String replace(Utf8String s, Utf8String from, Utf8String to) {
    if (from.numBytes() == 0) return s;
    int i = s.indexOf(from, 0);
    if (i < 0) return s;
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.numBytes());
    byte[] b = s.bytes();
    int last = 0;
    while (i >= 0) {
      out.write(b, last, i - last);
      out.write(to.bytes(), 0, to.numBytes());
      last = i + from.numBytes();
      i = s.indexOf(from, last);
    }
    out.write(b, last, b.length - last);
    return Utf8String.wrap(out.toByteArray());
  }

  /** 1-based code-point position of {@code needle} in {@code haystack}, 0 when absent. */
  public static int position(Utf8String needle, Utf8String haystack) {
    int i = haystack.indexOf(needle, 0);
    if (i < 0) return 0;
    int cp = 1;
    byte[] b = haystack.bytes();
    for (int j = 0; j < i; j++) if ((b[j] & 0xC0) != 0x80) cp++;
    return cp;
  }

  public static Utf8String lpad(Utf8String s, long len) { return pad(s, len, SPACE, true); }

  public static Utf8String rpad(Utf8String s, long len) { return pad(s, len, SPACE, false); }

  public static Utf8String lpad(Utf8String s, long len, Utf8String fill) { return pad(s, len, fill, true); }

  public static Utf8String rpad(Utf8String s, long len, Utf8String fill) { return pad(s, len, fill, false); }

  /**
   * Pads to {@code len} code points with repetitions of {@code fill}, or cuts to the first
   * {@code len} when longer (PostgreSQL). An empty fill leaves a short string as it is.
   */
  private static Utf8String pad(Utf8String s, long len, Utf8String fill, boolean left) {
    if (len <= 0) return Utf8String.EMPTY;
    if (len > MAX_PADDED_LENGTH) {
      throw EvalErrors.invalidArgument(PROGRAM_LIMIT_EXCEEDED, "requested length too large: " + len);
    }
    int n = s.length();
    if (n >= len) return substring(s, 1, len);
    if (fill.numBytes() == 0) return s;
    int[] fillCp = fill.toString().codePoints().toArray();
    StringBuilder padding = new StringBuilder();
    for (long i = 0; i < len - n; i++) padding.appendCodePoint(fillCp[(int) (i % fillCp.length)]);
    Utf8String p = Utf8String.of(padding.toString());
    return left ? concat(p, s) : concat(s, p);
  }

  /**
   * The {@code n}-th field (1-based; negative counts from the end) of {@code s} split on
   * {@code delim}; empty when out of range. An empty delimiter makes the whole string one field.
   */
  public static Utf8String splitPart(Utf8String s, Utf8String delim, long n) {
    if (n == 0) throw EvalErrors.invalidArgument(EvalErrors.INVALID_PARAMETER_VALUE, "field position must not be zero");
    java.util.List<int[]> fields = new java.util.ArrayList<>();
    if (delim.numBytes() == 0) {
      fields.add(new int[] {0, s.numBytes()});
    } else {
      int from = 0, i;
      while ((i = s.indexOf(delim, from)) >= 0) {
        fields.add(new int[] {from, i});
        from = i + delim.numBytes();
      }
      fields.add(new int[] {from, s.numBytes()});
    }
    long idx = n > 0 ? n - 1 : fields.size() + n;
    if (idx < 0 || idx >= fields.size()) return Utf8String.EMPTY;
    int[] f = fields.get((int) idx);
    return slice(s.bytes(), f[0], f[1]);
  }

  public static boolean startsWith(Utf8String s, Utf8String prefix) { return s.startsWith(prefix); }

  public static boolean endsWith(Utf8String s, Utf8String suffix) { return s.endsWith(suffix); }

  public static boolean contains(Utf8String s, Utf8String needle) { return s.contains(needle); }
}
