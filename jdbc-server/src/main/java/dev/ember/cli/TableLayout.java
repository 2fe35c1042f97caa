package dev.ember.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * Lays out chunks of rows as an aligned table: the header and the rules around it for the first
 * chunk, then each chunk with the column widths it needs (at least the header's); where the
 * widths change between chunks a rule of the new widths marks it, and {@link #close} draws the
 * closing rule. Cells are pre-rendered lines of text (a value with line breaks has several).
 */
final class TableLayout {
  private static final String[] NULL = {"NULL"};
  private final String[] header;
  private final boolean[] right;
  private final int maxColumnWidth;
  private int[] previousWidths;
  private boolean open; // rows printed and the closing rule not yet

  TableLayout(List<String> names, RowCursor rows, int maxColumnWidth) {
    this.maxColumnWidth = maxColumnWidth;
    int n = names.size();
    header = new String[n];
    right = new boolean[n];
    for (int i = 0; i < n; i++) {
      header[i] = DisplayText.cell(names.get(i), maxColumnWidth);
      right[i] = ValueFormatter.rightAligned(rows.type(i));
    }
  }

  int columnCount() { return header.length; }

  /** The current row of {@code rows} as the lines of each cell. */
  String[][] cells(RowCursor rows) {
    String[][] cells = new String[header.length][];
    for (int i = 0; i < cells.length; i++) {
      Object v = rows.get(i);
      cells[i] = v == null ? NULL : DisplayText.cellLines(ValueFormatter.text(v, rows.type(i)), maxColumnWidth);
    }
    return cells;
  }

  /** The width in terminal columns of {@code chunk} as a table. */
  int width(List<String[][]> chunk) {
    int w = 1;
    for (int c : widths(chunk)) w += c + 3;
    return w;
  }

  /** Prints {@code chunk}, after the header when {@code withHeader}. Nothing for a table without columns. */
  void print(PrintStream out, List<String[][]> chunk, boolean withHeader) {
    if (header.length == 0) return;
    int[] widths = widths(chunk);
    String rule = rule(widths);
    StringBuilder b = new StringBuilder();
    if (withHeader) {
      b.append(rule);
      line(b, header, widths, new boolean[header.length]);
      b.append(rule);
    } else if (!open || !java.util.Arrays.equals(widths, previousWidths)) {
      b.append(rule); // the widths change between chunks (or the table restarts): a rule marks where
    }
    previousWidths = widths;
    String[] line = new String[header.length];
    for (String[][] r : chunk) {
      int height = 1;
      for (String[] cell : r) height = Math.max(height, cell.length);
      for (int k = 0; k < height; k++) { // a value with line breaks spans several lines
        for (int i = 0; i < line.length; i++) line[i] = k < r[i].length ? r[i][k] : "";
        line(b, line, widths, right);
      }
      if (b.length() >= 1 << 16) {
        out.append(b);
        b.setLength(0);
      }
    }
    open |= !chunk.isEmpty();
    out.append(b);
    out.flush();
  }

  /** Draws the closing rule under the rows printed since the last one, if any. */
  void close(PrintStream out) {
    if (open && previousWidths != null && !isEmptyTable()) out.append(rule(previousWidths));
    open = false;
  }

  private boolean isEmptyTable() { return header.length == 0; }

  private int[] widths(List<String[][]> chunk) {
    int[] widths = new int[header.length];
    for (int i = 0; i < widths.length; i++) widths[i] = DisplayText.width(header[i]);
    for (String[][] r : chunk) {
      for (int i = 0; i < widths.length; i++) {
        for (String line : r[i]) widths[i] = Math.max(widths[i], DisplayText.width(line));
      }
    }
    return widths;
  }

  private static String rule(int[] widths) {
    StringBuilder b = new StringBuilder("+");
    for (int w : widths) b.append("-".repeat(w + 2)).append('+');
    return b.append('\n').toString();
  }

  private static void line(StringBuilder b, String[] cells, int[] widths, boolean[] right) {
    b.append('|');
    for (int i = 0; i < cells.length; i++) {
      b.append(' ');
      DisplayText.pad(b, cells[i], widths[i], right[i]);
      b.append(" |");
    }
    b.append('\n');
  }
}
