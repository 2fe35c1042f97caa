package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Rule;
import dev.ember.catalyst.types.DataType;

/**
 * Removes casts that cannot change a value.
 * <pre>
 * Filter [(CAST(CAST(i AS BIGINT) AS DOUBLE) > 1.0)]        Filter [(CAST(i AS DOUBLE) > 1.0)]
 *   Scan t [i]                                      =>        Scan t [i]
 * </pre>
 * A cast to the type its operand already has goes. A cast of a lossless numeric widening (a
 * wider integer, a decimal with room for every digit, FLOAT to DOUBLE, an integer to a float type
 * that holds it exactly) to another numeric type casts the original operand directly: the inner
 * cast keeps the exact value, so the outer one sees the same number either way (overflow errors
 * included). Not done when the outer target is not numeric: FLOAT 0.1 as text differs from
 * DOUBLE(0.1f) as text.
 */
public final class SimplifyCasts implements Rule<LogicalPlan> {
  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformAllExpressions(SimplifyCasts::simplify);
  }

  static Expr simplify(Expr e) {
    if (!(e instanceof Cast c)) return e;
    if (c.child().dataType().equals(c.type())) return c.child();
    if (c.child() instanceof Cast inner && c.type().isNumeric()
        && losslessWidening(inner.child().dataType(), inner.type())) {
      return Cast.to(inner.child(), c.type());
    }
    return e;
  }

  /** True when every value of {@code from} converts exactly to {@code to}. */
  static boolean losslessWidening(DataType from, DataType to) {
    if (from.isIntegral()) {
      int digits = integerDigits(from);
      if (to.isIntegral()) return integerDigits(to) >= digits;
      if (to.isDecimal()) return to.precision() - to.scale() >= digits;
      if (to.equals(DataType.DOUBLE)) return digits <= 10; // up to INT: 31 bits fit a 53-bit mantissa
      if (to.equals(DataType.FLOAT)) return digits <= 5; // up to SMALLINT: 16 bits fit 24
      return false;
    }
    if (from.equals(DataType.FLOAT)) return to.equals(DataType.DOUBLE);
    if (from.isDecimal() && to.isDecimal()) {
      return to.scale() >= from.scale() && to.precision() - to.scale() >= from.precision() - from.scale();
    }
    return false;
  }

  /** Decimal digits of the widest value of an integer type (ordered so wider types have more). */
  private static int integerDigits(DataType t) {
    return switch (t.id()) {
      case TINYINT -> 3;
      case SMALLINT -> 5;
      case INT -> 10;
      default -> 19;
    };
  }
}
