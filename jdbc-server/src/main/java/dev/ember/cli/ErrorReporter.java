package dev.ember.cli;

import dev.ember.catalyst.errors.EmberException;
import java.io.PrintStream;
import java.util.function.UnaryOperator;

/**
 * Prints failures the way a user wants to read them: one line, {@code Error: line L, column C:
 * message} for Ember's own errors (positions counted in the script, not the statement), the
 * exception's name and first message line for anything else, and stack traces only when
 * {@value #STACK_TRACES_KEY} is true.
 */
final class ErrorReporter {
  static final String STACK_TRACES_KEY = "ember.cli.stackTraces";

  private final PrintStream err;
  private final boolean stackTraces;
  private final UnaryOperator<String> style;
  private final boolean showLine;

  /**
   * {@code style} decorates the message line (the shell paints it red); {@code showLine} adds the
   * statement's offending line with a caret under the error column (for people, in the shell).
   */
  ErrorReporter(PrintStream err, boolean stackTraces, UnaryOperator<String> style, boolean showLine) {
    this.err = err;
    this.stackTraces = stackTraces;
    this.style = style;
    this.showLine = showLine;
  }

  ErrorReporter(PrintStream err, boolean stackTraces) { this(err, stackTraces, UnaryOperator.identity(), false); }

  /** Reports {@code t}, raised while running {@code where} (null when not tied to a statement). */
  void report(Throwable t, Statement where) {
    err.println(style.apply("Error: " + message(t, where)));
    EmberException e = emberCause(t);
    if (showLine && e != null && e.hasPosition() && where != null) {
      String[] lines = where.sql().split("\\R", -1);
      if (e.line() <= lines.length) {
        String line = lines[e.line() - 1];
        err.println(line);
        err.println(" ".repeat(Math.max(0, Math.min(e.column() - 1, line.length()))) + "^");
      }
    }
    if (stackTraces) t.printStackTrace(err);
    err.flush();
  }

  /** The one-line description of {@code t}. */
  static String message(Throwable t, Statement where) {
    EmberException e = emberCause(t);
    if (e != null) {
      if (!e.hasPosition() || where == null) return e.describe();
      return "line " + where.scriptLine(e.line()) + ", column " + where.scriptColumn(e.line(), e.column())
          + ": " + e.getMessage();
    }
    String text = t.getMessage();
    String name = t.getClass().getName();
    String first = text == null || text.isBlank() ? name : name + ": " + text.strip().lines().findFirst().orElse("");
    return first + " (--conf " + STACK_TRACES_KEY + "=true shows the stack trace)";
  }

  /** The EmberException {@code t} is or wraps, if any: wrappers add nothing for the user. */
  private static EmberException emberCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof EmberException e) return e;
    }
    return null;
  }
}
