package dev.ember.cli;

import dev.ember.api.QueryResult;
import dev.ember.catalyst.types.DataType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned tables for people, in the style of psql and DuckDB:
 * <pre>
 * +--------------+-------+
 * | l_returnflag | n     |
 * +--------------+-------+
 * | A            | 14876 |
 * | N            |  NULL |
 * +--------------+-------+
 * 2 rows (0.123 s)
 * </pre>
 * Numbers are right-aligned, NULL shows as {@code NULL}, widths count terminal columns (wide
 * characters take two), a value with line breaks spans several lines (EXPLAIN reads as text). To size the columns the first {@link PrintSettings#maxTableRows()} rows
 * are buffered (as text); further rows are only counted and reported as not shown, so a huge
 * result never fills the heap. Statements without rows print {@code OK (0.012 s)}.
 */
final class TablePrinter implements ResultPrinter {
  private static final String[] NULL = {"NULL"};
  private final PrintStream out;
  private final PrintSettings settings;
  private boolean first = true;

  TablePrinter(PrintStream out, PrintSettings settings) {
    this.out = out;
    this.settings = settings;
  }

  @Override public void printRows(QueryResult result, Stopwatch watch) {
    separate();
    RowCursor rows = new RowCursor(result, settings.cancelled());
    int n = rows.columnCount();
    List<String[][]> shown = new ArrayList<>();
    long total = 0;
    while (rows.next()) {
      total++;
      if (shown.size() >= settings.maxTableRows()) continue;
      String[][] cells = new String[n][];
      for (int i = 0; i < n; i++) {
        Object v = rows.get(i);
        cells[i] = v == null ? NULL : DisplayText.cellLines(ValueFormatter.text(v, rows.type(i)), settings.maxColumnWidth());
      }
      shown.add(cells);
    }
    if (n > 0) render(result.schema().names(), rightAligned(rows), shown);
    if (total > shown.size()) {
      out.println("… " + (total - shown.size()) + " more rows not shown (" + PrintSettings.MAX_ROWS_KEY
          + "=" + settings.maxTableRows() + ")");
    }
    String count = total == 1 ? "1 row" : total + " rows";
    if (rows.wasCancelled()) {
      out.println("Cancelled after " + count + " (" + watch.elapsed() + ")");
    } else {
      out.println(count + " (" + watch.elapsed() + ")");
    }
  }

  @Override public void printOk(Stopwatch watch) {
    separate();
    out.println("OK (" + watch.elapsed() + ")");
  }

  /** One empty line between the outputs of successive statements. */
  private void separate() {
    if (!first) out.println();
    first = false;
  }

  private static boolean[] rightAligned(RowCursor rows) {
    boolean[] right = new boolean[rows.columnCount()];
    for (int i = 0; i < right.length; i++) {
      DataType t = rows.type(i);
      right[i] = ValueFormatter.rightAligned(t);
    }
    return right;
  }

  private void render(List<String> names, boolean[] right, List<String[][]> rows) {
    int n = names.size();
    String[] header = new String[n];
    int[] widths = new int[n];
    for (int i = 0; i < n; i++) {
      header[i] = DisplayText.cell(names.get(i), settings.maxColumnWidth());
      widths[i] = DisplayText.width(header[i]);
    }
    for (String[][] r : rows) {
      for (int i = 0; i < n; i++) {
        for (String line : r[i]) widths[i] = Math.max(widths[i], DisplayText.width(line));
      }
    }
    String rule = rule(widths);
    StringBuilder b = new StringBuilder(rule);
    line(b, header, widths, new boolean[n]);
    b.append(rule);
    String[] line = new String[n];
    for (String[][] r : rows) {
      int height = 1;
      for (String[] cell : r) height = Math.max(height, cell.length);
      for (int k = 0; k < height; k++) { // a value with line breaks spans several lines
        for (int i = 0; i < n; i++) line[i] = k < r[i].length ? r[i][k] : "";
        line(b, line, widths, right);
      }
      if (b.length() >= 1 << 16) {
        out.append(b);
        b.setLength(0);
      }
    }
    if (!rows.isEmpty()) b.append(rule);
    out.append(b);
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
