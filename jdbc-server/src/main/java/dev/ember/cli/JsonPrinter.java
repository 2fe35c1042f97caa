package dev.ember.cli;

import dev.ember.api.QueryResult;
import java.io.PrintStream;
import java.util.List;

/**
 * JSON for programs: each result set is one JSON array of objects (column name → value), written
 * as {@code [}, one row object per line, {@code ]}, so the output of a script is a stream of
 * arrays that {@code jq} and most JSON readers take one after another. Values are spelled by
 * {@link ValueFormatter#json}: numbers as numbers (decimals exact), NULL as {@code null}.
 * Statements without rows print nothing.
 */
final class JsonPrinter implements ResultPrinter {
  private final PrintStream out;
  private final PrintSettings settings;

  JsonPrinter(PrintStream out, PrintSettings settings) {
    this.out = out;
    this.settings = settings;
  }

  @Override public void printRows(QueryResult result, Stopwatch watch) {
    List<String> names = result.schema().names();
    String[] keys = new String[names.size()];
    for (int i = 0; i < keys.length; i++) keys[i] = ValueFormatter.jsonString(names.get(i)) + ":";
    RowCursor rows = new RowCursor(result, settings.cancelled());
    StringBuilder chunk = new StringBuilder(1 << 16).append('[');
    boolean any = false;
    while (rows.next()) {
      chunk.append(any ? ",\n  {" : "\n  {");
      any = true;
      for (int i = 0; i < keys.length; i++) {
        if (i > 0) chunk.append(',');
        chunk.append(keys[i]).append(ValueFormatter.json(rows.get(i), rows.type(i)));
      }
      chunk.append('}');
      if (chunk.length() >= 1 << 16) {
        out.append(chunk);
        chunk.setLength(0);
      }
    }
    out.append(chunk).append(any ? "\n]\n" : "]\n");
  }

  @Override public void printOk(Stopwatch watch) {}
}
