package dev.ember.sql;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.sql.parser.CalciteParser;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Replaces calls of a session's {@link SqlMacro}s in a parse tree (in place, before validation)
 * by the macros' bodies with the arguments substituted. Arguments are expanded first; a body may
 * call other macros. Every node taken from a body gets the call's position, so an error inside
 * an expansion points at the call the user wrote. Only calls written with a simple name match
 * ({@code f(x)}, not {@code s.f(x)}), and a macro shadows a built-in function of the same name
 * and arity ({@code CURRENT_USER}).
 */
final class MacroExpander {
  /** Deeper nesting means a macro calls itself. */
  private static final int MAX_DEPTH = 16;
  /**
   * The SQL standard's functions written without parentheses, which Calcite parses as names
   * ({@code CURRENT_USER}): a macro of that name replaces an unquoted name of that spelling.
   */
  private static final java.util.Set<String> NILADIC = java.util.Set.of("current_user", "session_user",
      "current_role", "current_schema", "current_catalog", "user", "system_user", "current_path");

  private final SqlMacros macros;

  private MacroExpander(SqlMacros macros) { this.macros = macros; }

  /** Expands every macro call inside {@code root} (root itself is a query, never a call to expand). */
  static void expand(SqlNode root, SqlMacros macros) {
    if (macros.isEmpty()) return;
    new MacroExpander(macros).rewrite(root, 0);
  }

  private SqlNode rewrite(SqlNode node, int depth) {
    if (node instanceof SqlIdentifier id && id.isSimple() && !id.isComponentQuoted(0)
        && NILADIC.contains(id.getSimple().toLowerCase(Locale.ROOT))) {
      SqlMacro macro = macros.find(id.getSimple(), 0);
      return macro == null ? node : rewrite(instantiate(macro, id), depth + 1);
    }
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        SqlNode item = list.get(i);
        SqlNode r = item == null ? null : rewrite(item, depth);
        if (r != item) list.set(i, r);
      }
      return list;
    }
    if (!(node instanceof SqlCall call)) return node;
    List<SqlNode> operands = call.getOperandList();
    // AS: only the expression; its alias (and column list) are names, never calls
    int expressions = call.getKind() == SqlKind.AS ? 1 : operands.size();
    for (int i = 0; i < expressions; i++) {
      SqlNode op = operands.get(i);
      SqlNode r = op == null ? null : rewrite(op, depth);
      if (r != op) call.setOperand(i, r);
    }
    SqlMacro macro = macroOf(call);
    if (macro == null) return node;
    if (depth >= MAX_DEPTH) {
      SqlParserPos pos = call.getParserPosition();
      throw new EmberException(EmberException.SYNTAX_ERROR, "function " + macro.name() + " expands into itself",
          pos.getLineNum(), pos.getColumnNum(), null);
    }
    return rewrite(instantiate(macro, call), depth + 1);
  }

  private SqlMacro macroOf(SqlCall call) {
    if (!(call.getOperator() instanceof SqlFunction f)) return null;
    SqlIdentifier id = f.getSqlIdentifier();
    if (id != null && !id.isSimple()) return null;
    return macros.find(f.getName(), call.operandCount());
  }

  private static SqlNode instantiate(SqlMacro macro, SqlNode call) {
    String body = macro.body().get();
    SqlNode parsed;
    try {
      parsed = SqlParser.create(body, CalciteParser.CONFIG).parseExpression();
    } catch (SqlParseException e) {
      throw new IllegalStateException("macro " + macro.name() + " has a malformed body: " + body, e);
    }
    Map<String, SqlNode> args = new HashMap<>();
    for (int i = 0; i < macro.parameters().size(); i++) {
      args.put(macro.parameters().get(i).toLowerCase(Locale.ROOT), ((SqlCall) call).operand(i));
    }
    return copy(parsed, args, call.getParserPosition());
  }

  /**
   * A deep copy of {@code n}: parameter names replaced by copies of their arguments, every other
   * node placed at {@code pos} (or left where it was when {@code pos} is null, for arguments).
   */
  private static SqlNode copy(SqlNode n, Map<String, SqlNode> args, SqlParserPos pos) {
    if (n == null) return null;
    if (n instanceof SqlIdentifier id) {
      if (args != null && id.isSimple()) {
        SqlNode arg = args.get(id.getSimple().toLowerCase(Locale.ROOT));
        if (arg != null) return copy(arg, null, null);
      }
      return id.clone(at(id, pos));
    }
    if (n instanceof SqlLiteral l) return l.clone(at(l, pos));
    if (n instanceof SqlNodeList list) {
      SqlNodeList out = new SqlNodeList(at(list, pos));
      for (SqlNode item : list) out.add(copy(item, args, pos));
      return out;
    }
    if (n instanceof SqlCall c) {
      List<SqlNode> ops = c.getOperandList();
      SqlNode[] out = new SqlNode[ops.size()];
      for (int i = 0; i < out.length; i++) out[i] = copy(ops.get(i), args, pos);
      return c.getOperator().createCall(c.getFunctionQuantifier(), at(c, pos), out);
    }
    return n.clone(at(n, pos));
  }

  private static SqlParserPos at(SqlNode n, SqlParserPos pos) { return pos != null ? pos : n.getParserPosition(); }
}
