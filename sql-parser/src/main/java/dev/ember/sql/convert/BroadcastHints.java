package dev.ember.sql.convert;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The tables named by a query's broadcast hints, as Spark writes them:
 * {@code SELECT /*+ BROADCAST(t) *&#47; …} (also {@code BROADCASTJOIN} and {@code MAPJOIN}, with
 * one or more names). A name is an alias or a table name of the hinted SELECT's FROM clause;
 * the result holds the lower-cased last part of the tables' names, so every reference to a
 * hinted table in the query is hinted (two aliases of one table cannot be told apart once the
 * query is relational algebra).
 */
public final class BroadcastHints {
  private static final Set<String> NAMES = Set.of("BROADCAST", "BROADCASTJOIN", "MAPJOIN");

  private BroadcastHints() {}

  public static Set<String> tables(SqlNode parsed) {
    Set<String> out = new HashSet<>();
    parsed.accept(new SqlBasicVisitor<Void>() {
      @Override public Void visit(SqlCall call) {
        if (call instanceof SqlSelect select && select.getHints() != null) collect(select, out);
        return super.visit(call);
      }
    });
    return out;
  }

  private static void collect(SqlSelect select, Set<String> out) {
    Map<String, String> byAlias = new HashMap<>();
    if (select.getFrom() != null) fromItems(select.getFrom(), byAlias);
    for (SqlNode n : select.getHints()) {
      if (!(n instanceof SqlHint hint) || !NAMES.contains(hint.getName().toUpperCase(Locale.ROOT))) continue;
      for (String name : hint.getOptionList()) {
        String key = name.toLowerCase(Locale.ROOT);
        out.add(byAlias.getOrDefault(key, key));
      }
    }
  }

  /** alias (or table name) → table name, for the tables of a FROM clause. */
  private static void fromItems(SqlNode from, Map<String, String> byAlias) {
    if (from instanceof SqlJoin j) {
      fromItems(j.getLeft(), byAlias);
      fromItems(j.getRight(), byAlias);
    } else if (from instanceof SqlIdentifier id) {
      String table = last(id);
      byAlias.put(table, table);
    } else if (from instanceof SqlBasicCall call && call.getKind() == SqlKind.AS
        && call.operand(0) instanceof SqlIdentifier id) {
      byAlias.put(((SqlIdentifier) call.operand(1)).getSimple().toLowerCase(Locale.ROOT), last(id));
    }
  }

  private static String last(SqlIdentifier id) { return id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT); }
}
