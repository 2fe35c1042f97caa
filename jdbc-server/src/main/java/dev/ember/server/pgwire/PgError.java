package dev.ember.server.pgwire;

import dev.ember.catalyst.errors.EmberException;

/**
 * An error as the protocol reports it: SQLSTATE, message and a 1-based character position in the
 * statement text (0 when there is none). FATAL errors end the connection.
 */
final class PgError extends RuntimeException {
  static final String PROTOCOL_VIOLATION = "08P01";
  static final String INVALID_PASSWORD = "28P01";
  static final String INVALID_AUTH = "28000";
  static final String UNDEFINED_OBJECT = "42704";
  static final String INVALID_CURSOR = "34000";
  static final String INVALID_STATEMENT = "26000";
  static final String INVALID_PARAMETER_VALUE = "22023";

  private final String sqlState;
  private final int position;
  private final boolean fatal;

  PgError(String sqlState, String message) { this(sqlState, message, 0, false); }

  PgError(String sqlState, String message, int position, boolean fatal) {
    super(message);
    this.sqlState = sqlState;
    this.position = position;
    this.fatal = fatal;
  }

  static PgError fatal(String sqlState, String message) { return new PgError(sqlState, message, 0, true); }

  String sqlState() { return sqlState; }

  int position() { return position; }

  boolean isFatal() { return fatal; }

  String severity() { return fatal ? "FATAL" : "ERROR"; }

  /** The protocol form of any failure while serving {@code sql} (which may be null). */
  static PgError from(Throwable t, String sql) {
    if (t instanceof PgError p) return p;
    if (t instanceof EmberException e) {
      return new PgError(e.sqlState(), e.getMessage(), e.hasPosition() ? position(sql, e.line(), e.column()) : 0, false);
    }
    String msg = t.getMessage() == null ? t.toString() : t.getMessage();
    return new PgError(EmberException.INTERNAL_ERROR, "internal error: " + msg);
  }

  /** The 1-based character offset of (line, column) in {@code sql}, both 1-based. */
  static int position(String sql, int line, int column) {
    if (sql == null || line < 1) return 0;
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int nl = sql.indexOf('\n', offset);
      if (nl < 0) return 0;
      offset = nl + 1;
    }
    return offset + Math.max(column, 1);
  }
}
