package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Rule;
import dev.ember.catalyst.types.DataType;

/**
 * Replaces LIKE with a constant pattern that is a plain prefix, suffix, infix or whole string by
 * the matching string function, which sources can push down and code runs without a matcher.
 * <pre>
 * Filter [(s LIKE 'abc%')]                Filter [starts_with(s, 'abc')]
 *   Scan t [s]                    =>        Scan t [s]
 * </pre>
 * {@code 'abc%'} → starts_with, {@code '%abc'} → ends_with, {@code '%abc%'} → contains,
 * {@code 'abc'} → {@code s = 'abc'}. NULLs behave the same (all are null-intolerant). Not done
 * for patterns with {@code _}, with wildcards inside the text, of only {@code %} (NULL or TRUE,
 * not a string test), with an ESCAPE clause, for ILIKE, or for a pattern that is not a literal.
 */
public final class SimplifyLike implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformAllExpressions(SimplifyLike::simplify);
  }

  static Expr simplify(Expr e) {
    if (!(e instanceof Call c && c.fn() == Call.Fn.LIKE && c.args().size() == 2)) return e;
    Expr value = c.args().get(0);
    if (!(value.dataType().equals(DataType.VARCHAR) && c.args().get(1) instanceof Literal p && !p.isNull()
        && p.type().equals(DataType.VARCHAR))) {
      return e;
    }
    String pattern = p.value().toString();
    boolean leading = pattern.startsWith("%"), trailing = pattern.length() > 1 && pattern.endsWith("%");
    String text = pattern.substring(leading ? 1 : 0, pattern.length() - (trailing ? 1 : 0));
    if (text.isEmpty() || text.contains("%") || text.contains("_")) return e;
    Literal lit = Literal.ofString(text);
    if (leading && trailing) return Call.of(Call.Fn.CONTAINS, DataType.BOOLEAN, value, lit);
    if (leading) return Call.of(Call.Fn.ENDS_WITH, DataType.BOOLEAN, value, lit);
    if (trailing) return Call.of(Call.Fn.STARTS_WITH, DataType.BOOLEAN, value, lit);
    return BinaryOp.predicate(BinaryOp.Op.EQ, value, lit);
  }
}
