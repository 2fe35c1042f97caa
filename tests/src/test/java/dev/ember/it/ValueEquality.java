package dev.ember.it;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * When two canonical values (see {@link Values}) count as the same answer.
 *
 * <ul>
 *   <li>Two exact numbers: numerically equal ({@code 1.50 = 1.5}); no tolerance at all, so a
 *       DECIMAL sum must be right to the last digit.
 *   <li>Two doubles: within a relative {@link #RELATIVE_TOLERANCE} of 1e-9. The engines may add
 *       the same doubles in different orders (parallel partial aggregates); summing n terms of
 *       one sign in any order stays within about n·2⁻⁵³ ≈ n·1.1e-16 of the exact sum, i.e.
 *       7e-12 for SF 0.01's 60,175 lineitems and 7e-10 at SF 1. A real error, such as one
 *       row too many or too few in a sum of 60,175, is around 1e-5 relative: far above the bound.
 *   <li>An exact number and a double (DuckDB answers {@code avg} and decimal division in DOUBLE
 *       where Ember, like Spark, answers in DECIMAL with a fixed scale s): the decimal must be
 *       the double rounded to s digits, so they may differ by half a unit in the last place,
 *       0.5·10⁻ˢ, plus the relative tolerance for the double's own rounding.
 *   <li>Everything else (strings, dates, booleans, …): {@code equals}.
 * </ul>
 */
public final class ValueEquality {
  public static final double RELATIVE_TOLERANCE = 1e-9;

  private ValueEquality() {}

  public static boolean same(Object a, Object b) {
    if (a == null || b == null) return a == b;
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y) == 0;
    if (a instanceof Double x && b instanceof Double y) return closeDoubles(x, y);
    if (a instanceof BigDecimal x && b instanceof Double y) return decimalMatchesDouble(x, y);
    if (a instanceof Double x && b instanceof BigDecimal y) return decimalMatchesDouble(y, x);
    return Objects.equals(a, b);
  }

  static boolean closeDoubles(double x, double y) {
    if (Double.compare(x, y) == 0) return true;  // also NaN = NaN and equal infinities
    if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) return false;
    return Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
  }

  static boolean decimalMatchesDouble(BigDecimal d, double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) return false;
    BigDecimal other = new BigDecimal(x);
    BigDecimal diff = d.subtract(other).abs();
    BigDecimal halfUlp = BigDecimal.ONE.movePointLeft(Math.max(d.scale(), 0)).divide(BigDecimal.valueOf(2));
    BigDecimal relative = d.abs().max(other.abs()).multiply(BigDecimal.valueOf(RELATIVE_TOLERANCE), MathContext.DECIMAL64);
    return diff.compareTo(halfUlp.add(relative)) <= 0;
  }
}
