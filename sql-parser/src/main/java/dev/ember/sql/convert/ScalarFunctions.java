package dev.ember.sql.convert;

import static java.util.Map.entry;

import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Call.Fn;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.types.DataType;
import dev.ember.sql.validate.ArrayFunctions;
import dev.ember.sql.validate.EmberFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Maps Calcite's scalar function operators (by instance, never by name) to catalyst's
 * {@link Fn}s, and casts arguments to the types each function takes. The operators here are
 * exactly those {@code EmberOperatorTable} offers beyond the operators the converter handles
 * itself (comparisons, arithmetic, CASE, LIKE, EXTRACT, TRIM, …).
 */
final class ScalarFunctions {
  private static final Map<SqlOperator, Fn> FUNCTIONS = Map.ofEntries(
      entry(SqlStdOperatorTable.UPPER, Fn.UPPER),
      entry(SqlStdOperatorTable.LOWER, Fn.LOWER),
      entry(SqlStdOperatorTable.SUBSTRING, Fn.SUBSTRING),
      entry(SqlLibraryOperators.SUBSTR_POSTGRESQL, Fn.SUBSTRING),
      entry(SqlStdOperatorTable.CHAR_LENGTH, Fn.CHAR_LENGTH),
      entry(SqlStdOperatorTable.CHARACTER_LENGTH, Fn.CHAR_LENGTH),
      entry(SqlLibraryOperators.LENGTH, Fn.CHAR_LENGTH),
      entry(SqlStdOperatorTable.CONCAT, Fn.CONCAT),
      entry(SqlLibraryOperators.CONCAT_FUNCTION, Fn.CONCAT),
      entry(SqlStdOperatorTable.REPLACE, Fn.REPLACE),
      entry(SqlStdOperatorTable.POSITION, Fn.POSITION),
      entry(SqlLibraryOperators.LTRIM, Fn.LTRIM),
      entry(SqlLibraryOperators.RTRIM, Fn.RTRIM),
      entry(SqlLibraryOperators.LPAD, Fn.LPAD),
      entry(SqlLibraryOperators.RPAD, Fn.RPAD),
      entry(SqlLibraryOperators.SPLIT_PART, Fn.SPLIT_PART),
      entry(SqlLibraryOperators.STARTS_WITH, Fn.STARTS_WITH),
      entry(SqlLibraryOperators.ENDS_WITH, Fn.ENDS_WITH),
      entry(SqlLibraryOperators.REGEXP_REPLACE_3, Fn.REGEXP_REPLACE),
      entry(SqlLibraryOperators.REGEXP_LIKE, Fn.REGEXP_LIKE),
      entry(SqlStdOperatorTable.COALESCE, Fn.COALESCE),
      entry(SqlStdOperatorTable.NULLIF, Fn.NULLIF),
      entry(SqlStdOperatorTable.ABS, Fn.ABS),
      entry(SqlStdOperatorTable.ROUND, Fn.ROUND),
      entry(EmberFunctions.ROUND, Fn.ROUND),
      entry(SqlStdOperatorTable.FLOOR, Fn.FLOOR),
      entry(SqlStdOperatorTable.CEIL, Fn.CEIL),
      entry(SqlStdOperatorTable.POWER, Fn.POWER),
      entry(SqlStdOperatorTable.SQRT, Fn.SQRT),
      entry(SqlStdOperatorTable.LN, Fn.LN),
      entry(SqlStdOperatorTable.LOG10, Fn.LOG10),
      entry(SqlStdOperatorTable.EXP, Fn.EXP),
      entry(SqlStdOperatorTable.SIGN, Fn.SIGN),
      entry(SqlLibraryOperators.GREATEST, Fn.GREATEST),
      entry(SqlLibraryOperators.LEAST, Fn.LEAST),
      entry(SqlStdOperatorTable.CURRENT_DATE, Fn.CURRENT_DATE),
      entry(SqlStdOperatorTable.CURRENT_TIMESTAMP, Fn.CURRENT_TIMESTAMP),
      entry(SqlStdOperatorTable.RAND, Fn.RANDOM),
      entry(EmberFunctions.DATE_TRUNC, Fn.DATE_TRUNC),
      entry(EmberFunctions.DATEDIFF, Fn.DATEDIFF),
      entry(EmberFunctions.DAY, Fn.EXTRACT_DAY),
      entry(EmberFunctions.DATE_ADD, Fn.DATE_ADD),
      entry(SqlStdOperatorTable.CARDINALITY, Fn.ARRAY_SIZE),
      entry(SqlStdOperatorTable.ITEM, Fn.ELEMENT_AT),
      entry(ArrayFunctions.SIZE, Fn.ARRAY_SIZE),
      entry(ArrayFunctions.ARRAY_CONTAINS, Fn.ARRAY_CONTAINS),
      entry(ArrayFunctions.ELEMENT_AT, Fn.ELEMENT_AT));

  private static final Map<TimeUnitRange, Fn> EXTRACT = Map.of(
      TimeUnitRange.YEAR, Fn.EXTRACT_YEAR,
      TimeUnitRange.QUARTER, Fn.EXTRACT_QUARTER,
      TimeUnitRange.MONTH, Fn.EXTRACT_MONTH,
      TimeUnitRange.DAY, Fn.EXTRACT_DAY,
      TimeUnitRange.DOW, Fn.EXTRACT_DAY_OF_WEEK,
      TimeUnitRange.DOY, Fn.EXTRACT_DAY_OF_YEAR,
      TimeUnitRange.HOUR, Fn.EXTRACT_HOUR,
      TimeUnitRange.MINUTE, Fn.EXTRACT_MINUTE,
      TimeUnitRange.SECOND, Fn.EXTRACT_SECOND);

  private ScalarFunctions() {}

  /** The catalyst function for a Calcite operator, or null when it has none. */
  static Fn lookup(SqlOperator op) { return FUNCTIONS.get(op); }

  /** The catalyst function extracting {@code unit}, or null when there is none. */
  static Fn extract(TimeUnitRange unit) { return EXTRACT.get(unit); }

  /** A call of {@code fn} with its arguments cast to the types the function takes. */
  static Call call(Fn fn, List<Expr> args, DataType result) {
    return new Call(fn, typedArgs(fn, args, result), result);
  }

  private static List<Expr> typedArgs(Fn fn, List<Expr> args, DataType result) {
    return switch (fn) {
      case SUBSTRING -> cast(args, DataType.VARCHAR, DataType.INT, DataType.INT);
      case POSITION -> cast(args, DataType.VARCHAR, DataType.VARCHAR, DataType.INT);
      case LPAD, RPAD -> cast(args, DataType.VARCHAR, DataType.INT, DataType.VARCHAR);
      case SPLIT_PART -> cast(args, DataType.VARCHAR, DataType.VARCHAR, DataType.INT);
      case ABS, SIGN, GREATEST, LEAST, COALESCE -> castAll(args, result);
      case NULLIF -> castAll(args, Coercions.common(args.get(0).dataType(), args.get(1).dataType()));
      case ROUND, FLOOR, CEIL -> args.size() == 1 ? args : List.of(args.get(0), Coercions.cast(args.get(1), DataType.INT));
      case POWER, SQRT, LN, LOG10, EXP -> castAll(args, DataType.DOUBLE);
      case DATE_TRUNC -> List.of(Coercions.cast(args.get(0), DataType.VARCHAR), args.get(1));
      case DATEDIFF -> castAll(args, DataType.DATE);
      case DATE_ADD -> cast(args, DataType.DATE, DataType.INT);
      case EXTRACT_YEAR, EXTRACT_QUARTER, EXTRACT_MONTH, EXTRACT_DAY, EXTRACT_DAY_OF_WEEK,
          EXTRACT_DAY_OF_YEAR, EXTRACT_HOUR, EXTRACT_MINUTE, EXTRACT_SECOND,
          CURRENT_DATE, CURRENT_TIMESTAMP, RANDOM, SCALAR_SUBQUERY_CHECK, ARRAY_SIZE -> args;
      case ARRAY_CONTAINS -> List.of(args.get(0), Coercions.cast(args.get(1), args.get(0).dataType().elementType()));
      case ELEMENT_AT -> List.of(args.get(0), Coercions.cast(args.get(1), DataType.INT));
      case LIKE, ILIKE, UPPER, LOWER, TRIM, LTRIM, RTRIM, CHAR_LENGTH, CONCAT, REPLACE, STARTS_WITH,
          ENDS_WITH, CONTAINS, REGEXP_LIKE, REGEXP_REPLACE -> castAll(args, DataType.VARCHAR);
    };
  }

  private static List<Expr> castAll(List<Expr> args, DataType type) {
    List<Expr> out = new ArrayList<>(args.size());
    for (Expr a : args) out.add(Coercions.cast(a, type));
    return out;
  }

  /** Casts argument i to {@code types[i]}; arguments beyond the list keep their types. */
  private static List<Expr> cast(List<Expr> args, DataType... types) {
    List<Expr> out = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      out.add(i < types.length ? Coercions.cast(args.get(i), types[i]) : args.get(i));
    }
    return out;
  }
}
