package dev.ember.sql.validate;

import dev.ember.catalyst.errors.EmberException;
import java.util.List;
import org.apache.calcite.runtime.CalciteContextException;

/**
 * Turns the validator's errors into EmberExceptions with a SQLSTATE, Calcite's message and the
 * position. Calcite's errors carry no code, so the state is chosen from the message's opening
 * words (the resource texts of {@code CalciteResource}); anything else is a SYNTAX_ERROR.
 */
public final class ValidationErrors {
  private record Pattern(String regex, String sqlState) {}

  private static final List<Pattern> PATTERNS = List.of(
      new Pattern("(Object|Table|Schema or table) '.*' not found.*", EmberException.UNDEFINED_TABLE),
      new Pattern("Column '.*' not found.*", EmberException.UNDEFINED_COLUMN),
      new Pattern("Unknown identifier.*", EmberException.UNDEFINED_COLUMN),
      new Pattern("No match found for function signature.*", EmberException.UNDEFINED_FUNCTION),
      new Pattern("Function '.*' is not defined.*", EmberException.UNDEFINED_FUNCTION),
      new Pattern("Invalid number of arguments to function.*", EmberException.UNDEFINED_FUNCTION),
      new Pattern("Cannot apply .*", EmberException.DATATYPE_MISMATCH),
      new Pattern("Invalid types for .*", EmberException.DATATYPE_MISMATCH),
      new Pattern(".*must have compatible types.*", EmberException.DATATYPE_MISMATCH),
      new Pattern(".*not comparable.*", EmberException.DATATYPE_MISMATCH),
      new Pattern("Cannot infer return type.*", EmberException.DATATYPE_MISMATCH),
      new Pattern("Cast function cannot convert.*", EmberException.DATATYPE_MISMATCH),
      new Pattern(".*[Ii]ncompatible types.*", EmberException.DATATYPE_MISMATCH),
      new Pattern("Type mismatch.*", EmberException.DATATYPE_MISMATCH));

  private ValidationErrors() {}

  public static EmberException from(CalciteContextException e) {
    String message = innerMessage(e);
    return new EmberException(sqlState(message), message, e.getPosLine(), e.getPosColumn(), e);
  }

  static String sqlState(String message) {
    for (Pattern p : PATTERNS) {
      if (message.matches("(?s)" + p.regex())) return p.sqlState();
    }
    return EmberException.SYNTAX_ERROR;
  }

  /**
   * The validator's own message, without the "From line 1, column 8 to …" prefix, the list of
   * supported operand types, or Calcite's word "Object" where a table or schema is meant.
   */
  private static String innerMessage(CalciteContextException e) {
    Throwable cause = e.getCause();
    String m = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
    if (m == null) return "invalid query";
    int forms = m.indexOf(". Supported form(s):");
    if (forms > 0) m = m.substring(0, forms);
    if (m.startsWith("Object '")) {
      m = (m.contains("' not found within '") ? "Schema or table" : "Table") + m.substring("Object".length());
    }
    return m;
  }
}
