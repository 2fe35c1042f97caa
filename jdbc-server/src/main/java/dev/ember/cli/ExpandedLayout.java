package dev.ember.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * Rows as records, one line per column, for results too wide for the screen (psql's {@code \x}):
 * <pre>
 * -[ RECORD 1 ]-+------------
 * l_returnflag  | A
 * n             | 14876
 * -[ RECORD 2 ]-+------------
 * …
 * </pre>
 * A value with line breaks continues on the next lines under its first line.
 */
final class ExpandedLayout {
  private final String[] names;
  private final int nameWidth;

  ExpandedLayout(List<String> names, int maxColumnWidth) {
    this.names = new String[names.size()];
    int w = 0;
    for (int i = 0; i < this.names.length; i++) {
      this.names[i] = DisplayText.cell(names.get(i), maxColumnWidth);
      w = Math.max(w, DisplayText.width(this.names[i]));
    }
    this.nameWidth = w;
  }

  /** Prints {@code chunk}; its first row is record number {@code before + 1}. */
  void print(PrintStream out, List<String[][]> chunk, long before) {
    int valueWidth = 1;
    for (String[][] r : chunk) {
      for (String[] cell : r) for (String line : cell) valueWidth = Math.max(valueWidth, DisplayText.width(line));
    }
    StringBuilder b = new StringBuilder();
    long number = before;
    for (String[][] r : chunk) {
      String title = "-[ RECORD " + (++number) + " ]";
      b.append(title).append("-".repeat(Math.max(1, nameWidth + 1 - title.length()))).append("+")
          .append("-".repeat(valueWidth + 1)).append('\n');
      for (int i = 0; i < names.length; i++) {
        for (int k = 0; k < r[i].length; k++) {
          DisplayText.pad(b, k == 0 ? names[i] : "", nameWidth, false);
          b.append(" | ").append(r[i][k]).append('\n');
        }
      }
    }
    out.append(b);
    out.flush();
  }
}
