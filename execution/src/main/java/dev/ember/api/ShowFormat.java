package dev.ember.api;

import dev.ember.catalyst.types.Schema;
import java.util.ArrayList;
import java.util.List;

/** Spark's {@code show()} table: a header, right-aligned cells, NULL as {@code null}. */
final class ShowFormat {
  private ShowFormat() {}

  /** {@code rows} may hold one more row than {@code n}: then a "only showing" line is added. */
  static String format(Schema schema, List<Row> rows, int n, int truncate) {
    int cols = schema.size();
    List<String[]> cells = new ArrayList<>();
    String[] header = schema.names().toArray(String[]::new);
    cells.add(header);
    for (int r = 0; r < Math.min(n, rows.size()); r++) {
      String[] line = new String[cols];
      for (int c = 0; c < cols; c++) line[c] = cut(cell(rows.get(r).get(c)), truncate);
      cells.add(line);
    }
    int[] width = new int[cols];
    for (String[] line : cells) for (int c = 0; c < cols; c++) width[c] = Math.max(Math.max(width[c], 3), line[c].length());
    StringBuilder sep = new StringBuilder("+");
    for (int w : width) sep.append("-".repeat(w)).append('+');
    StringBuilder sb = new StringBuilder();
    sb.append(sep).append('\n');
    for (int i = 0; i < cells.size(); i++) {
      sb.append('|');
      for (int c = 0; c < cols; c++) {
        String v = cells.get(i)[c];
        sb.append(" ".repeat(width[c] - v.length())).append(v).append('|');
      }
      sb.append('\n');
      if (i == 0) sb.append(sep).append('\n');
    }
    sb.append(sep).append('\n');
    if (rows.size() > n) sb.append("only showing top ").append(n).append(n == 1 ? " row\n" : " rows\n");
    return sb.toString();
  }

  private static String cell(Object v) {
    if (v == null) return "null";
    if (v instanceof java.math.BigDecimal d) return d.toPlainString();
    if (v instanceof byte[] b) return java.util.HexFormat.of().formatHex(b);
    if (v instanceof java.time.LocalDateTime t) return t.toString().replace('T', ' ');
    return v.toString();
  }

  private static String cut(String s, int truncate) {
    if (truncate <= 0 || s.length() <= truncate) return s;
    return truncate < 4 ? s.substring(0, truncate) : s.substring(0, truncate - 3) + "...";
  }
}
