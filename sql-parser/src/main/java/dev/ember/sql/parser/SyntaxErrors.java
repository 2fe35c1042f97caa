package dev.ember.sql.parser;

import dev.ember.catalyst.errors.EmberException;
import java.util.Collection;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Turns Calcite's parse errors into short SYNTAX_ERROR messages with the position. */
final class SyntaxErrors {
  /** More expected tokens than this are not worth listing. */
  private static final int MAX_EXPECTED = 6;

  private SyntaxErrors() {}

  static EmberException from(SqlParseException e) {
    SqlParserPos pos = e.getPos();
    int line = pos == null ? 0 : pos.getLineNum();
    int column = pos == null ? 0 : pos.getColumnNum();
    return new EmberException(EmberException.SYNTAX_ERROR, message(e), line, column, e);
  }

  /**
   * The first line of Calcite's message without its position (which the exception carries),
   * plus the expected tokens when there are only a few.
   */
  private static String message(SqlParseException e) {
    String msg = e.getMessage() == null ? "syntax error" : e.getMessage().strip();
    int nl = msg.indexOf('\n');
    String first = (nl < 0 ? msg : msg.substring(0, nl)).strip();
    first = first.replaceAll(" at line \\d+, column \\d+\\.?$", "").replaceAll("\\.$", "");
    if (first.startsWith("Non-query expression encountered in illegal context")) {
      // Calcite's words for text that does not start a statement, e.g. a misspelt SELECT.
      return "Syntax error: this does not start a statement (expected SELECT, WITH, VALUES, EXPLAIN, "
          + "CREATE, DROP, SHOW, DESCRIBE or SET)";
    }
    StringBuilder sb = new StringBuilder("Syntax error: ").append(first);
    Collection<String> expected = e.getExpectedTokenNames();
    if (expected != null && !expected.isEmpty() && expected.size() <= MAX_EXPECTED) {
      sb.append(" (expected one of ").append(String.join(", ", expected)).append(')');
    }
    return sb.toString();
  }
}
