package dev.ember.sql.validate;

import dev.ember.sql.parser.SelectItemNamer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * The user-visible column names of a validated query. Calcite makes names unique ({@code a},
 * {@code a0}); users expect the names as written, duplicates and all. So each item of the leading
 * SELECT after validation (stars expanded) is traced back, by its parser position, to the item
 * the user wrote: an alias names it, a column reference or a star's column gives the column's
 * name ({@link SelectItemNamer} has aliased everything else with its text).
 */
public final class ResultNames {
  private ResultNames() {}

  /**
   * @param written the leading SELECT's items before validation, from
   *     {@link SelectItemNamer#nameItems}
   */
  public static List<String> of(SqlNode validated, SqlValidator validator, List<SqlNode> written) {
    RelDataType rowType = validator.getValidatedNodeType(validated);
    List<String> fallback = fallback(rowType.getFieldNames());
    SqlSelect select = SelectItemNamer.leadingSelect(validated);
    if (select == null) return fallback;
    var scope = validator.getRawSelectScope(select);
    List<SqlNode> items = scope == null ? null : scope.getExpandedSelectList();
    if (items == null || items.size() != fallback.size()) return fallback;

    Map<SqlParserPos, String> writtenNames = new HashMap<>();
    Set<SqlParserPos> stars = new HashSet<>();
    for (SqlNode w : written) {
      if (w.getKind() == SqlKind.AS) {
        writtenNames.put(w.getParserPosition(), alias(w));
      } else if (w instanceof SqlIdentifier id && id.isStar()) {
        stars.add(id.getParserPosition());
      } else if (w instanceof SqlIdentifier id) {
        writtenNames.put(id.getParserPosition(), last(id));
      }
    }
    List<String> names = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      names.add(name(items.get(i), writtenNames, stars, fallback.get(i)));
    }
    return names;
  }

  private static String name(SqlNode item, Map<SqlParserPos, String> writtenNames, Set<SqlParserPos> stars,
      String fallback) {
    String known = writtenNames.get(item.getParserPosition());
    if (known != null) return known;
    SqlNode core = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
    if (core instanceof SqlIdentifier id) {
      if (stars.contains(id.getParserPosition())) return last(id);
      known = writtenNames.get(id.getParserPosition());
      if (known != null) return known;
    }
    if (item.getKind() == SqlKind.AS) return alias(item);
    if (core instanceof SqlIdentifier id && !id.isStar()) return last(id);
    return fallback;
  }

  private static String alias(SqlNode as) { return ((SqlIdentifier) ((SqlCall) as).operand(1)).getSimple(); }

  private static String last(SqlIdentifier id) { return id.names.get(id.names.size() - 1); }

  /** Calcite's names, with its {@code EXPR$n} for VALUES columns spelled {@code col<n+1>} (Spark). */
  private static List<String> fallback(List<String> calciteNames) {
    List<String> out = new ArrayList<>(calciteNames.size());
    for (String n : calciteNames) {
      out.add(n.matches("EXPR\\$\\d+") ? "col" + (Integer.parseInt(n.substring(5)) + 1) : n);
    }
    return out;
  }
}
