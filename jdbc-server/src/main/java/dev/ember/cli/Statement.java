package dev.ember.cli;

import static java.util.Objects.requireNonNull;

/**
 * One SQL statement cut out of a script, without its terminating {@code ;}, leading whitespace or
 * leading comments. {@code line} and {@code column} (1-based) say where its first character stands
 * in the script, so an error position inside the statement can be reported against the script.
 */
public record Statement(String sql, int line, int column) {
  public Statement { requireNonNull(sql); }

  /** A statement that is its own script (positions inside it are already script positions). */
  public static Statement of(String sql) { return new Statement(sql, 1, 1); }

  /** Translates a 1-based position inside {@link #sql()} to a position in the script. */
  public int scriptLine(int lineInStatement) { return line + lineInStatement - 1; }

  /** Translates a 1-based column on {@code lineInStatement} to a column in the script. */
  public int scriptColumn(int lineInStatement, int columnInStatement) {
    return lineInStatement == 1 ? column + columnInStatement - 1 : columnInStatement;
  }
}
