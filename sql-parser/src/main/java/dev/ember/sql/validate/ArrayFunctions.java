package dev.ember.sql.validate;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * The functions on ARRAY values beyond the standard's {@code CARDINALITY} and {@code arr[i]}:
 * Spark's {@code collect_list}/{@code collect_set} aggregates (and {@code array_agg}, which Spark
 * and DuckDB spell so; here it skips NULLs as Spark's does), {@code size}, {@code array_contains}
 * and {@code element_at}. The converter maps these exact instances to catalyst functions.
 */
public final class ArrayFunctions {
  private ArrayFunctions() {}

  /** {@code collect_list(x)}: ARRAY of the non-null x, never NULL itself. */
  public static final SqlAggFunction COLLECT_LIST = collect("COLLECT_LIST");

  /**
   * {@code array_agg(x)}: the same as {@link #COLLECT_LIST}. Calcite's own operator, because its
   * parser gives ARRAY_AGG calls an extra operand for {@code ORDER BY} (refused by the converter).
   */
  public static final SqlAggFunction ARRAY_AGG = SqlLibraryOperators.ARRAY_AGG;

  /** {@code collect_set(x)}: ARRAY of the distinct non-null x. */
  public static final SqlAggFunction COLLECT_SET = collect("COLLECT_SET");

  /** {@code size(arr)}: the number of elements (NULL for a NULL array). */
  public static final SqlFunction SIZE = new SqlFunction("SIZE", SqlKind.OTHER_FUNCTION,
      ReturnTypes.INTEGER_NULLABLE, null, OperandTypes.ARRAY, SqlFunctionCategory.SYSTEM);

  /** {@code array_contains(arr, value)}: BOOLEAN, NULL as Spark defines it. */
  public static final SqlFunction ARRAY_CONTAINS = new SqlFunction("ARRAY_CONTAINS", SqlKind.OTHER_FUNCTION,
      ReturnTypes.BOOLEAN_FORCE_NULLABLE, null, OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ANY),
      SqlFunctionCategory.SYSTEM);

  /** {@code element_at(arr, i)}: the element at 1-based i (negative from the end), or NULL. */
  public static final SqlFunction ELEMENT_AT = new SqlFunction("ELEMENT_AT", SqlKind.OTHER_FUNCTION,
      ArrayFunctions::nullableElement, null, OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.INTEGER),
      SqlFunctionCategory.SYSTEM);

  /** Every operator above, for the operator table. */
  public static final List<SqlOperator> ALL = List.of(COLLECT_LIST, ARRAY_AGG, COLLECT_SET, SIZE, ARRAY_CONTAINS, ELEMENT_AT);

  private static SqlAggFunction collect(String name) {
    return SqlBasicAggFunction.create(name, SqlKind.OTHER_FUNCTION, ArrayFunctions::arrayOfOperand, OperandTypes.ANY);
  }

  /** ARRAY of the operand's type (elements nullable), NOT NULL: an empty group gives []. */
  private static RelDataType arrayOfOperand(SqlOperatorBinding b) {
    RelDataTypeFactory f = b.getTypeFactory();
    return f.createArrayType(f.createTypeWithNullability(b.getOperandType(0), true), -1);
  }

  private static RelDataType nullableElement(SqlOperatorBinding b) {
    RelDataType element = b.getOperandType(0).getComponentType();
    return b.getTypeFactory().createTypeWithNullability(element, true);
  }
}
