package dev.ember.it;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * A total order over canonical values (see {@link Values}), used only to line rows of the two
 * engines up before comparing a multiset: NULL first, then by kind (numbers, strings, then
 * anything else by its string form), numbers by value whether exact or double.
 */
final class ValueOrder implements Comparator<Object> {
  static final ValueOrder INSTANCE = new ValueOrder();

  private ValueOrder() {}

  @Override public int compare(Object a, Object b) {
    if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
    int ka = kind(a);
    int kb = kind(b);
    if (ka != kb) return Integer.compare(ka, kb);
    if (ka == 0) return compareNumbers(a, b);
    if (ka == 1) return ((String) a).compareTo((String) b);
    if (a instanceof Comparable<?> && a.getClass() == b.getClass()) {
      @SuppressWarnings("unchecked") Comparable<Object> c = (Comparable<Object>) a;
      return c.compareTo(b);
    }
    return a.toString().compareTo(b.toString());
  }

  /** Compares rows column by column in the given column order. */
  static Comparator<List<Object>> rows(int[] columnOrder) {
    return (x, y) -> {
      for (int c : columnOrder) {
        int r = INSTANCE.compare(x.get(c), y.get(c));
        if (r != 0) return r;
      }
      return 0;
    };
  }

  private static int kind(Object v) {
    if (v instanceof BigDecimal || v instanceof Double) return 0;
    if (v instanceof String) return 1;
    return 2;
  }

  private static int compareNumbers(Object a, Object b) {
    boolean nanA = a instanceof Double d && d.isNaN();
    boolean nanB = b instanceof Double d && d.isNaN();
    if (nanA || nanB) return Boolean.compare(nanA, nanB);
    if (a instanceof Double x && b instanceof Double y) return Double.compare(x, y);
    return toBig(a).compareTo(toBig(b));
  }

  private static BigDecimal toBig(Object v) {
    if (v instanceof BigDecimal d) return d;
    double d = (Double) v;
    if (Double.isInfinite(d)) return d > 0 ? BigDecimal.valueOf(Double.MAX_VALUE).multiply(BigDecimal.TEN)
        : BigDecimal.valueOf(-Double.MAX_VALUE).multiply(BigDecimal.TEN);
    return new BigDecimal(d);
  }
}
