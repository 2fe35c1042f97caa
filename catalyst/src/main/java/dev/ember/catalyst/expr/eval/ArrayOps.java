package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.types.DataType;
import java.util.List;

/**
 * The array functions, on ARRAY values (lists of boxed elements), shared by the interpreter and
 * generated code. Arguments are non-null; a null result means SQL NULL.
 */
public final class ArrayOps {
  private ArrayOps() {}

  /** {@code size(arr)}. */
  public static int size(List<?> array) { return array.size(); }

  /**
   * {@code array_contains(arr, value)}: TRUE if an element equals {@code value} (SQL equality
   * of the element type), else NULL if an element is NULL, else FALSE (Spark's three-valued
   * answer).
   */
  public static Boolean contains(List<?> array, Object value, DataType element) {
    boolean sawNull = false;
    for (Object e : array) {
      if (e == null) {
        sawNull = true;
      } else if (Compare.equalValues(e, value, element)) {
        return Boolean.TRUE;
      }
    }
    return sawNull ? null : Boolean.FALSE;
  }

  /** {@code arr[index]}: 1-based, negative counts from the end; NULL outside the array (and for 0). */
  public static Object elementAt(List<?> array, long index) {
    int n = array.size();
    long i = index > 0 ? index - 1 : index < 0 ? n + index : -1;
    return i >= 0 && i < n ? array.get((int) i) : null;
  }
}
