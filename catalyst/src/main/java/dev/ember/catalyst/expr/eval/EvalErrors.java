package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;

/**
 * The errors bad data can raise while evaluating expressions, built in one place so the
 * interpreter and generated code report the same SQLSTATE and message for the same input.
 */
public final class EvalErrors {
  /** PostgreSQL's {@code invalid_argument_for_logarithm}. */
  public static final String INVALID_ARGUMENT_FOR_LOG = "2201E";
  /** PostgreSQL's {@code invalid_argument_for_power_function} (also used for sqrt). */
  public static final String INVALID_ARGUMENT_FOR_POWER = "2201F";
  /** PostgreSQL's {@code invalid_parameter_value}. */
  public static final String INVALID_PARAMETER_VALUE = "22023";
  /** PostgreSQL's {@code invalid_escape_sequence}. */
  public static final String INVALID_ESCAPE_SEQUENCE = "22025";
  /** PostgreSQL's {@code invalid_regular_expression}. */
  public static final String INVALID_REGULAR_EXPRESSION = "2201B";
  /** PostgreSQL's {@code datetime_field_overflow}. */
  public static final String DATETIME_FIELD_OVERFLOW = "22008";

  private EvalErrors() {}

  public static EmberException divisionByZero() {
    return new EmberException(EmberException.DIVISION_BY_ZERO, "division by zero");
  }

  /** A result that does not fit its type, e.g. {@code INT} overflow or a too-wide decimal. */
  public static EmberException outOfRange(DataType type) {
    return new EmberException(EmberException.NUMERIC_OUT_OF_RANGE, type.sql() + " out of range");
  }

  public static EmberException outOfRange(String typeName) {
    return new EmberException(EmberException.NUMERIC_OUT_OF_RANGE, typeName + " out of range");
  }

  /** Text that does not parse as the target type; names both so the user can find the row. */
  public static EmberException invalidText(String text, DataType target) {
    return new EmberException(EmberException.INVALID_TEXT_REPRESENTATION,
        "invalid input syntax for type " + target.sql() + ": \"" + text + "\"");
  }

  public static EmberException invalidArgument(String sqlState, String message) {
    return new EmberException(sqlState, message);
  }

  public static EmberException unsupportedCast(DataType from, DataType to) {
    if (from.isArray() || to.isArray()) return EmberException.notSupported("cast from " + from.sql() + " to " + to.sql());
    return new EmberException(EmberException.DATATYPE_MISMATCH,
        "cannot cast type " + from.sql() + " to " + to.sql());
  }
}
