package dev.ember.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The SQL text a parsed node came from: the span covering the node and all its operands, widened
 * to balance parentheses (Calcite does not record the parentheses around an operand), with runs
 * of white space collapsed.
 */
public final class SourceText {
  private final String sql;
  private final SoftKeywords text;
  private final int[] lineStarts;

  /** Text positions of parse trees of {@code text.text()}, resolved in {@code text.original()}. */
  public SourceText(SoftKeywords text) {
    this.text = text;
    this.sql = text.original();
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < sql.length(); i++) if (sql.charAt(i) == '\n') starts.add(i + 1);
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The text of {@code node}, or null when its position is unknown. */
  public String of(SqlNode node) {
    int[] span = {Integer.MAX_VALUE, -1};
    widen(node, span);
    if (span[1] < 0 || span[0] > span[1]) return null;
    int start = span[0];
    int end = span[1] + 1;
    int open = 0;
    int close = 0;
    for (int i = start; i < end; i++) {
      char c = sql.charAt(i);
      if (c == '(') open++;
      else if (c == ')') close++;
    }
    while (close > open) {
      int p = skipSpaceBack(start);
      if (p <= 0 || sql.charAt(p - 1) != '(') break;
      start = p - 1;
      open++;
    }
    while (open > close) {
      int p = skipSpaceForward(end);
      if (p >= sql.length() || sql.charAt(p) != ')') break;
      end = p + 1;
      close++;
    }
    return sql.substring(start, end).strip().replaceAll("\\s+", " ");
  }

  private int skipSpaceBack(int p) {
    while (p > 0 && Character.isWhitespace(sql.charAt(p - 1))) p--;
    return p;
  }

  private int skipSpaceForward(int p) {
    while (p < sql.length() && Character.isWhitespace(sql.charAt(p))) p++;
    return p;
  }

  private void widen(SqlNode node, int[] span) {
    if (node == null) return;
    SqlParserPos pos = node.getParserPosition();
    if (pos != null && pos.getLineNum() > 0) {
      int startColumn = text.toOriginalColumn(pos.getLineNum(), pos.getColumnNum());
      int endColumn = text.toOriginalEndColumn(pos.getEndLineNum(), pos.getEndColumnNum());
      span[0] = Math.min(span[0], offset(pos.getLineNum(), startColumn));
      span[1] = Math.max(span[1], offset(pos.getEndLineNum(), endColumn));
    }
    if (node instanceof SqlNodeList list) {
      for (SqlNode n : list) widen(n, span);
    } else if (node instanceof SqlCall call) {
      for (SqlNode n : call.getOperandList()) widen(n, span);
    }
  }

  /** Offset of a 1-based line and column, clamped to the text. */
  private int offset(int line, int column) {
    int l = Math.min(Math.max(line, 1), lineStarts.length) - 1;
    return Math.min(lineStarts[l] + Math.max(column, 1) - 1, sql.length() - 1);
  }
}
