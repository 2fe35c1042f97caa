package dev.ember.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL text into statements at each {@code ;} that SQL itself would see: not inside
 * {@code '…'} literals ({@code ''} escapes a quote), {@code "…"} or {@code `…`} identifiers,
 * {@code -- …} line comments or {@code /* … *}{@code /} block comments (which do not nest, as in
 * Calcite). Statements that hold only whitespace and comments are dropped.
 *
 * <p>The same scan serves scripts (everything is known up front) and the shell (text arrives a
 * line at a time): {@link #split} returns the complete statements plus the unterminated rest, and
 * says whether that rest still needs more input.
 */
public final class StatementSplitter {
  private StatementSplitter() {}

  /**
   * The outcome of scanning some text.
   *
   * @param statements the statements terminated by {@code ;}, in order
   * @param rest the text after the last terminator, verbatim (to be continued by more input)
   * @param restLine line of {@code rest}'s first character
   * @param restColumn column of {@code rest}'s first character
   * @param incomplete true when {@code rest} holds SQL (not just whitespace and comments) or ends
   *     inside a literal, quoted identifier or block comment
   */
  public record Split(List<Statement> statements, String rest, int restLine, int restColumn,
      boolean incomplete) {
    public Split { statements = List.copyOf(statements); }

    /** The rest as a final statement (a script's last statement may omit its {@code ;}). */
    public List<Statement> withRest() {
      Statement last = trimmed(rest, 0, rest.length(), restLine, restColumn);
      if (last == null) return statements;
      List<Statement> all = new ArrayList<>(statements);
      all.add(last);
      return all;
    }
  }

  /** Every statement of a whole script, including a last one without {@code ;}. */
  public static List<Statement> splitScript(String script) {
    return split(script, 1, 1).withRest();
  }

  /** Scans {@code text}, whose first character stands at {@code line}/{@code column}. */
  public static Split split(String text, int line, int column) {
    List<Statement> out = new ArrayList<>();
    Mode mode = Mode.CODE;
    int segStart = 0;
    int segLine = line;
    int segColumn = column;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      char next = i + 1 < n ? text.charAt(i + 1) : '\0';
      int width = 1;
      boolean terminator = false;
      switch (mode) {
        case CODE -> {
          if (c == '\'') mode = Mode.SINGLE_QUOTE;
          else if (c == '"') mode = Mode.DOUBLE_QUOTE;
          else if (c == '`') mode = Mode.BACKTICK;
          else if (c == '-' && next == '-') { mode = Mode.LINE_COMMENT; width = 2; }
          else if (c == '/' && next == '*') { mode = Mode.BLOCK_COMMENT; width = 2; }
          else if (c == ';') {
            terminator = true;
            Statement s = trimmed(text, segStart, i, segLine, segColumn);
            if (s != null) out.add(s);
          }
        }
        case SINGLE_QUOTE, DOUBLE_QUOTE, BACKTICK -> {
          if (c == mode.close) {
            if (next == mode.close) width = 2; // doubled quote: an escaped quote character
            else mode = Mode.CODE;
          }
        }
        case LINE_COMMENT -> {
          if (c == '\n' || c == '\r') mode = Mode.CODE;
        }
        case BLOCK_COMMENT -> {
          if (c == '*' && next == '/') { mode = Mode.CODE; width = 2; }
        }
      }
      for (int k = 0; k < width; k++) {
        if (isNewline(text, i)) { line++; column = 1; } else column++;
        i++;
      }
      if (terminator) {
        segStart = i;
        segLine = line;
        segColumn = column;
      }
    }
    String rest = text.substring(segStart);
    boolean open = mode == Mode.SINGLE_QUOTE || mode == Mode.DOUBLE_QUOTE || mode == Mode.BACKTICK
        || mode == Mode.BLOCK_COMMENT;
    boolean incomplete = open || trimmed(rest, 0, rest.length(), segLine, segColumn) != null;
    return new Split(out, rest, segLine, segColumn, incomplete);
  }

  /** True when {@code text} holds nothing but whitespace and complete comments. */
  public static boolean isBlank(String text) {
    Split s = split(text, 1, 1);
    return s.statements().isEmpty() && !s.incomplete();
  }

  /**
   * The statement in {@code text[from, to)} without leading whitespace and comments and without
   * trailing whitespace, positioned in the script; null when nothing is left.
   */
  private static Statement trimmed(String text, int from, int to, int line, int column) {
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      int skipTo;
      if (Character.isWhitespace(c)) {
        skipTo = i + 1;
      } else if (c == '-' && i + 1 < to && text.charAt(i + 1) == '-') {
        skipTo = i + 2;
        while (skipTo < to && text.charAt(skipTo) != '\n' && text.charAt(skipTo) != '\r') skipTo++;
      } else if (c == '/' && i + 1 < to && text.charAt(i + 1) == '*') {
        int close = text.indexOf("*/", i + 2);
        skipTo = close < 0 || close + 2 > to ? to : close + 2;
      } else {
        break;
      }
      for (; i < skipTo; i++) {
        if (isNewline(text, i)) { line++; column = 1; } else column++;
      }
    }
    int end = to;
    while (end > i && Character.isWhitespace(text.charAt(end - 1))) end--;
    return end > i ? new Statement(text.substring(i, end), line, column) : null;
  }

  /** A line break ends at {@code i}: a LF, or a CR not followed by LF. */
  private static boolean isNewline(String text, int i) {
    char c = text.charAt(i);
    return c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
  }

  private enum Mode {
    CODE('\0'), SINGLE_QUOTE('\''), DOUBLE_QUOTE('"'), BACKTICK('`'), LINE_COMMENT('\0'),
    BLOCK_COMMENT('\0');

    final char close;

    Mode(char close) { this.close = close; }
  }
}
