package dev.ember.cli;

import dev.ember.api.QueryResult;
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
 * characters take two), a value with line breaks spans several lines (EXPLAIN reads as text).
 *
 * <p>Rows stream out in chunks of {@link PrintSettings#chunkRows()}: each chunk is aligned on its
 * own and printed before the next is read (psql's FETCH_COUNT), so a long result never sits in
 * memory whole. After {@link PrintSettings#maxTableRows()} rows the rest are only counted and
 * reported as not shown. With {@code \x} each row prints as a record instead (see
 * {@link ExpandedLayout}); {@code \x auto} does so for a chunk wider than the screen. Statements
 * without rows print {@code OK (0.012 s)}.
 */
final class TablePrinter implements ResultPrinter {
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
    TableLayout table = new TableLayout(result.schema().names(), rows, settings.maxColumnWidth());
    ExpandedLayout records = new ExpandedLayout(result.schema().names(), settings.maxColumnWidth());
    long total = 0;
    long shown = 0;
    boolean more = true;
    boolean tableStarted = false;
    boolean started = false;
    List<String[][]> chunk = new ArrayList<>();
    while (more) {
      chunk.clear();
      long room = Math.min(settings.chunkRows(), settings.maxTableRows() - shown);
      while (chunk.size() < room && (more = rows.next())) chunk.add(table.cells(rows));
      if (chunk.isEmpty() && started) break;
      started = true;
      if (expanded(table, chunk)) {
        table.close(out);
        records.print(out, chunk, shown);
      } else {
        table.print(out, chunk, !tableStarted);
        tableStarted = true;
      }
      total += chunk.size();
      shown += chunk.size();
      if (shown >= settings.maxTableRows()) break;
    }
    table.close(out);
    while (rows.next()) total++; // the rest is counted, not shown
    if (total > shown) {
      out.println("… " + (total - shown) + " more rows not shown (\\rows N or " + PrintSettings.MAX_ROWS_KEY
          + " shows more; now " + settings.maxTableRows() + ")");
    }
    String count = total == 1 ? "1 row" : total + " rows";
    out.println(settings.footer(rows.wasCancelled() ? "Cancelled after " + count : count, watch));
  }

  @Override public void printOk(Stopwatch watch) {
    separate();
    out.println(settings.footer("OK", watch));
  }

  private boolean expanded(TableLayout table, List<String[][]> chunk) {
    if (chunk.isEmpty() || table.columnCount() == 0) return false;
    return switch (settings.expanded()) {
      case OFF -> false;
      case ON -> true;
      case AUTO -> settings.screenWidth() > 0 && table.width(chunk) > settings.screenWidth();
    };
  }

  /** One empty line between the outputs of successive statements. */
  private void separate() {
    if (!first) out.println();
    first = false;
  }
}
