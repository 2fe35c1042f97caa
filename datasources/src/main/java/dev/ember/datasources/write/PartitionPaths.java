package dev.ember.datasources.write;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Hive-style partition directory names ({@code k=v}): how a value is spelt, which characters are
 * escaped as {@code %XX} (as Hive and Spark do, so the directories read back anywhere), and
 * {@value #DEFAULT_PARTITION} for NULL.
 */
public final class PartitionPaths {
  /** The directory value that stands for NULL. */
  public static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

  private PartitionPaths() {}

  /** {@code name=value} for a boxed Ember value of type {@code type} (null for NULL). */
  public static String directory(String name, DataType type, Object value) {
    return escape(name) + "=" + (value == null ? DEFAULT_PARTITION : escape(text(type, value)));
  }

  /** The text of a non-null value as Spark spells it in a partition directory. */
  static String text(DataType type, Object value) {
    return switch (type.id()) {
      case DECIMAL -> value instanceof Long l
          ? BigDecimal.valueOf(l, type.scale()).toPlainString() : ((BigDecimal) value).toPlainString();
      case DATE -> LocalDate.ofEpochDay((Integer) value).toString();
      case TIMESTAMP, TIMESTAMP_TZ -> timestamp((Long) value);
      case VARCHAR -> ((Utf8String) value).toString();
      case VARBINARY -> new String((byte[]) value, StandardCharsets.UTF_8);
      default -> String.valueOf(value);
    };
  }

  private static String timestamp(long micros) {
    Instant i = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    LocalDateTime t = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    String s = t.toLocalDate() + " " + t.toLocalTime();
    return t.getSecond() == 0 && t.getNano() == 0 ? s + ":00" : s;
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || c == 0x7F || "\"#%'*/:=?\\[]^{}".indexOf(c) >= 0;
  }

  public static String escape(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (needsEscape(c)) {
        if (b == null) b = new StringBuilder(s.substring(0, i));
        b.append('%').append(String.format("%02X", (int) c));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  /** Undoes {@link #escape}: {@code %XX} becomes the character; a stray {@code %} stays. */
  public static String unescape(String s) {
    if (s.indexOf('%') < 0) return s;
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
