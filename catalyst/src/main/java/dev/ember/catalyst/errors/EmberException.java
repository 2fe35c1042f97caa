package dev.ember.catalyst.errors;

/**
 * An error a user can act on: bad SQL, an unknown name, a type mismatch, bad data, an unsupported
 * construct. Carries a PostgreSQL SQLSTATE (the server passes it on) and, for errors in SQL text,
 * the 1-based line and column.
 */
public class EmberException extends RuntimeException {
  /** SQLSTATE codes Ember uses (PostgreSQL's). */
  public static final String SYNTAX_ERROR = "42601";
  public static final String UNDEFINED_TABLE = "42P01";
  public static final String UNDEFINED_COLUMN = "42703";
  public static final String UNDEFINED_FUNCTION = "42883";
  public static final String DATATYPE_MISMATCH = "42804";
  public static final String DUPLICATE_TABLE = "42P07";
  public static final String FEATURE_NOT_SUPPORTED = "0A000";
  public static final String DIVISION_BY_ZERO = "22012";
  public static final String NUMERIC_OUT_OF_RANGE = "22003";
  public static final String INVALID_TEXT_REPRESENTATION = "22P02";
  public static final String DATA_EXCEPTION = "22000";
  public static final String IO_ERROR = "58030";
  public static final String INTERNAL_ERROR = "XX000";
  public static final String QUERY_CANCELED = "57014";
  /** A query needed more memory than its share of {@code ember.memory.offHeap.size}, even after spilling. */
  public static final String OUT_OF_MEMORY = "53200";

  private final String sqlState;
  private final int line;
  private final int column;

  public EmberException(String sqlState, String message, int line, int column, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
    this.line = line;
    this.column = column;
  }

  public EmberException(String sqlState, String message) { this(sqlState, message, 0, 0, null); }

  public EmberException(String sqlState, String message, Throwable cause) { this(sqlState, message, 0, 0, cause); }

  public static EmberException notSupported(String construct) {
    return new EmberException(FEATURE_NOT_SUPPORTED, "not supported: " + construct);
  }

  public String sqlState() { return sqlState; }

  /** 1-based line in the SQL text, or 0 when the error has no position. */
  public int line() { return line; }

  /** 1-based column in the SQL text, or 0 when the error has no position. */
  public int column() { return column; }

  public boolean hasPosition() { return line > 0; }

  /** The message with its position, e.g. {@code line 1, column 8: Column 'x' not found}. */
  public String describe() {
    return hasPosition() ? "line " + line + ", column " + column + ": " + getMessage() : getMessage();
  }
}
