package dev.ember.cli;

import dev.ember.api.QueryResult;
import java.io.PrintStream;

/**
 * RFC 4180 CSV for programs: a header line, then one line per row ending in LF; fields holding
 * {@code ,}, {@code "}, CR or LF are quoted with inner quotes doubled. NULL is an empty field and
 * an empty string is {@code ""}, so the two stay apart (as DuckDB writes them). No decoration, no
 * footer, nothing at all for statements without rows; successive result sets are separated by
 * exactly one empty line.
 */
final class CsvPrinter implements ResultPrinter {
  private final PrintStream out;
  private final PrintSettings settings;
  private boolean first = true;

  CsvPrinter(PrintStream out, PrintSettings settings) {
    this.out = out;
    this.settings = settings;
  }

  @Override public void printRows(QueryResult result, Stopwatch watch) {
    if (!first) out.print('\n');
    first = false;
    StringBuilder line = new StringBuilder(256);
    var names = result.schema().names();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) line.append(',');
      appendField(line, names.get(i));
    }
    out.append(line).append('\n');
    RowCursor rows = new RowCursor(result, settings.cancelled());
    StringBuilder chunk = new StringBuilder(1 << 16);
    while (rows.next()) {
      for (int i = 0; i < rows.columnCount(); i++) {
        if (i > 0) chunk.append(',');
        Object v = rows.get(i);
        if (v != null) appendField(chunk, ValueFormatter.text(v, rows.type(i)));
      }
      chunk.append('\n');
      if (chunk.length() >= 1 << 16) {
        out.append(chunk);
        chunk.setLength(0);
      }
    }
    out.append(chunk);
  }

  @Override public void printOk(Stopwatch watch) {}

  /** Appends {@code s} as one CSV field, quoted when it must be (or when it is empty). */
  static void appendField(StringBuilder b, String s) {
    boolean quote = s.isEmpty();
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      b.append(s);
      return;
    }
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') b.append('"');
      b.append(c);
    }
    b.append('"');
  }
}
