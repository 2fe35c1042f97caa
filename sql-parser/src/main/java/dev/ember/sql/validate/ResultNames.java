package dev.ember.sql.validate;

import dev.ember.sql.parser.SelectItemNamer;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * The user-visible column names of a validated query. Calcite makes names unique ({@code id},
 * {@code id0}); users expect the names as written, duplicates and all, so they are read from the
 * leading SELECT's expanded items ({@link SelectItemNamer} has given unnamed items their text).
 */
public final class ResultNames {
  private ResultNames() {}

  public static List<String> of(SqlNode validated, SqlValidator validator) {
    RelDataType rowType = validator.getValidatedNodeType(validated);
    List<String> fallback = fallback(rowType.getFieldNames());
    SqlSelect select = SelectItemNamer.leadingSelect(validated);
    if (select == null) return fallback;
    var scope = validator.getRawSelectScope(select);
    List<SqlNode> items = scope == null ? null : scope.getExpandedSelectList();
    if (items == null || items.size() != fallback.size()) return fallback;
    List<String> names = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      SqlNode item = items.get(i);
      if (item.getKind() == SqlKind.AS) {
        names.add(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple());
      } else if (item instanceof SqlIdentifier id && !id.isStar()) {
        names.add(id.names.get(id.names.size() - 1));
      } else {
        names.add(fallback.get(i));
      }
    }
    return names;
  }

  /** Calcite's names, with its {@code EXPR$n} for VALUES columns spelled {@code col<n+1>} (Spark). */
  private static List<String> fallback(List<String> calciteNames) {
    List<String> out = new ArrayList<>(calciteNames.size());
    for (String n : calciteNames) {
      out.add(n.matches("EXPR\\$\\d+") ? "col" + (Integer.parseInt(n.substring(5)) + 1) : n);
    }
    return out;
  }
}
