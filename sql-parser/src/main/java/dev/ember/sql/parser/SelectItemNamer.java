package dev.ember.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Names the unnamed items of a query's leading SELECT by their SQL text, as Spark and DuckDB do
 * ({@code sum(l_quantity)}, {@code count(*)}) rather than Calcite's {@code EXPR$1}: before
 * validation each such item gets an explicit {@code AS "text"}. Column references keep their
 * column names; items of later UNION branches are not visible and stay as they are.
 */
public final class SelectItemNamer {
  private SelectItemNamer() {}

  /**
   * Adds the aliases in place (Calcite's parse trees are mutable) and returns the leading
   * SELECT's items as they are now, before validation expands them (empty when there is none).
   */
  public static List<SqlNode> nameItems(SqlNode query, SoftKeywords sql) {
    SqlSelect select = leadingSelect(query);
    if (select == null) return List.of();
    SourceText text = new SourceText(sql);
    SqlNodeList items = select.getSelectList();
    for (int i = 0; i < items.size(); i++) {
      SqlNode item = items.get(i);
      if (item.getKind() == SqlKind.AS || item instanceof SqlIdentifier) continue;
      String name = text.of(item);
      if (name == null || name.isEmpty()) continue;
      SqlParserPos pos = item.getParserPosition();
      items.set(i, SqlStdOperatorTable.AS.createCall(pos, item, new SqlIdentifier(name, pos)));
    }
    return new ArrayList<>(items.getList());
  }

  /** The SELECT whose items name a query's columns, or null (e.g. for VALUES). */
  public static SqlSelect leadingSelect(SqlNode node) {
    if (node instanceof SqlSelect s) return s;
    if (node instanceof SqlOrderBy o) return leadingSelect(o.query);
    if (node instanceof SqlWith w) return leadingSelect(w.body);
    if (node instanceof SqlBasicCall call && node.isA(SqlKind.SET_QUERY)) return leadingSelect(call.operand(0));
    return null;
  }
}
