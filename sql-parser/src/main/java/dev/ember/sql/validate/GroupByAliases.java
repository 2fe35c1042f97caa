package dev.ember.sql.validate;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.catalog.Catalog;
import dev.ember.catalyst.catalog.Table;
import dev.ember.sql.parser.SelectItemNamer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Resolves {@code GROUP BY name} as Spark and DuckDB do: a column of the SELECT's own FROM
 * first, then a select-list alias, and only then a column of an enclosing query. Calcite tries
 * enclosing queries before aliases, so in TPC-H Q15's subquery {@code SELECT l_suppkey AS
 * supplier_no … GROUP BY supplier_no} it would group by the outer {@code supplier_no}. Such a
 * name is replaced, before validation, by a copy of the aliased expression.
 *
 * <p>When the FROM clause's columns cannot be known without validation (a CTE, a star in a
 * subquery, VALUES, …) nothing is rewritten and Calcite's rule applies.
 */
public final class GroupByAliases {
  private final Catalog catalog;

  private GroupByAliases(Catalog catalog) { this.catalog = requireNonNull(catalog); }

  public static void apply(SqlNode query, Catalog catalog) {
    GroupByAliases rewriter = new GroupByAliases(catalog);
    query.accept(new SqlBasicVisitor<Void>() {
      @Override public Void visit(SqlCall call) {
        if (call instanceof SqlSelect select) rewriter.rewrite(select);
        return super.visit(call);
      }
    });
  }

  private void rewrite(SqlSelect select) {
    SqlNodeList group = select.getGroup();
    if (group == null || select.getFrom() == null) return;
    Map<String, SqlNode> aliases = new HashMap<>();
    Set<String> duplicates = new HashSet<>();
    for (SqlNode item : select.getSelectList()) {
      if (item.getKind() != SqlKind.AS) continue;
      String alias = key(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple());
      if (aliases.put(alias, ((SqlCall) item).operand(0)) != null) duplicates.add(alias);
    }
    for (int i = 0; i < group.size(); i++) {
      if (!(group.get(i) instanceof SqlIdentifier id) || !id.isSimple()) continue;
      String name = key(id.getSimple());
      if (!aliases.containsKey(name) || duplicates.contains(name)) continue;
      Set<String> local = columnsOf(select.getFrom());
      if (local == null || local.contains(name)) return;
      group.set(i, copy(aliases.get(name), id.getParserPosition()));
    }
  }

  /** Lower-case names of the columns a FROM item provides, or null when not known here. */
  private Set<String> columnsOf(SqlNode from) {
    if (from instanceof SqlIdentifier id) {
      Optional<Table> table = catalog.table(id.names);
      if (table.isEmpty()) return null;
      Set<String> out = new HashSet<>();
      for (String n : table.get().schema().names()) out.add(key(n));
      return out;
    }
    if (from instanceof SqlJoin join) {
      Set<String> left = columnsOf(join.getLeft());
      Set<String> right = columnsOf(join.getRight());
      if (left == null || right == null) return null;
      left.addAll(right);
      return left;
    }
    if (from.getKind() == SqlKind.AS) {
      List<SqlNode> ops = ((SqlCall) from).getOperandList();
      if (ops.size() > 2) {
        Set<String> out = new HashSet<>();
        for (SqlNode n : ops.subList(2, ops.size())) out.add(key(((SqlIdentifier) n).getSimple()));
        return out;
      }
      return columnsOf(ops.get(0));
    }
    SqlSelect sub = from.isA(SqlKind.QUERY) ? SelectItemNamer.leadingSelect(from) : null;
    if (sub == null) return null;
    Set<String> out = new HashSet<>();
    for (SqlNode item : sub.getSelectList()) {
      if (item.getKind() == SqlKind.AS) {
        out.add(key(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple()));
      } else if (item instanceof SqlIdentifier id) {
        if (id.isStar()) return null;
        out.add(key(id.names.get(id.names.size() - 1)));
      }
    }
    return out;
  }

  /** A deep copy: the validator keeps state per node, so one node must not appear twice. */
  private static SqlNode copy(SqlNode node, SqlParserPos pos) {
    if (node instanceof SqlCall call) {
      List<SqlNode> operands = new ArrayList<>();
      for (SqlNode op : call.getOperandList()) operands.add(op == null ? null : copy(op, op.getParserPosition()));
      return call.getOperator().createCall(call.getFunctionQuantifier(), pos, operands.toArray(new SqlNode[0]));
    }
    if (node instanceof SqlNodeList list) {
      SqlNodeList out = new SqlNodeList(list.getParserPosition());
      for (SqlNode n : list) out.add(n == null ? null : copy(n, n.getParserPosition()));
      return out;
    }
    return node.clone(pos);
  }

  private static String key(String name) { return name.toLowerCase(Locale.ROOT); }
}
