package dev.ember.datasources;

import dev.ember.catalyst.errors.EmberException;
import java.util.Locale;

/**
 * What a text source (CSV, JSON) does with a malformed record, named as Spark's {@code mode}
 * option: keep it with NULLs where it is bad (and the raw text in the
 * {@code columnNameOfCorruptRecord} column, when the schema has one), drop it, or fail naming the
 * file and line.
 */
public enum ParseMode {
  PERMISSIVE, DROPMALFORMED, FAILFAST;

  /** The mode named by an option value (case-insensitive). */
  public static ParseMode parse(String value) {
    try {
      return ParseMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new EmberException(EmberException.SYNTAX_ERROR,
          "option mode must be PERMISSIVE, DROPMALFORMED or FAILFAST, not '" + value + "'");
    }
  }
}
