package dev.ember.catalyst.types;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable UTF-8 string: how VARCHAR values travel through generated code, the interpreter
 * and hash tables. Comparison is by unsigned bytes, which for UTF-8 equals code-point order (the
 * order DuckDB and Spark use).
 */
public final class Utf8String implements Comparable<Utf8String>, java.io.Serializable {
  public static final Utf8String EMPTY = new Utf8String(new byte[0]);

  private static final long serialVersionUID = 1L;

  private final byte[] bytes;
  private int hash;

  private Utf8String(byte[] bytes) { this.bytes = bytes; }

  /** Wraps the array without copying: the caller must not change it afterwards. */
  public static Utf8String wrap(byte[] bytes) { return new Utf8String(bytes); }

  public static Utf8String of(String s) { return new Utf8String(s.getBytes(StandardCharsets.UTF_8)); }

  public static Utf8String copyOf(byte[] bytes, int offset, int length) {
    return new Utf8String(Arrays.copyOfRange(bytes, offset, offset + length));
  }

  /** The backing bytes; never modify them. */
  public byte[] bytes() { return bytes; }

  public int numBytes() { return bytes.length; }

  /** Number of code points. */
  public int length() {
    int n = 0;
    for (byte b : bytes) if ((b & 0xC0) != 0x80) n++;
    return n;
  }

  public boolean startsWith(Utf8String prefix) {
    if (prefix.bytes.length > bytes.length) return false;
    return Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
  }

  public boolean endsWith(Utf8String suffix) {
    int off = bytes.length - suffix.bytes.length;
    if (off < 0) return false;
    return Arrays.equals(bytes, off, bytes.length, suffix.bytes, 0, suffix.bytes.length);
  }

  /** Byte offset of the first occurrence of {@code needle} at or after {@code from}, or -1. */
  public int indexOf(Utf8String needle, int from) {
    byte[] n = needle.bytes;
    outer:
    for (int i = from; i <= bytes.length - n.length; i++) {
      for (int j = 0; j < n.length; j++) if (bytes[i + j] != n[j]) continue outer;
      return i;
    }
    return -1;
  }

  public boolean contains(Utf8String needle) { return indexOf(needle, 0) >= 0; }

  @Override public int compareTo(Utf8String o) { return Arrays.compareUnsigned(bytes, o.bytes); }

  @Override public boolean equals(Object o) {
    return o instanceof Utf8String u && Arrays.equals(bytes, u.bytes);
  }

  @Override public int hashCode() {
    int h = hash;
    if (h == 0) hash = h = Arrays.hashCode(bytes);
    return h;
  }

  @Override public String toString() { return new String(bytes, StandardCharsets.UTF_8); }
}
