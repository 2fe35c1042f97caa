package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.TypeId;

/**
 * How an arithmetic {@link BinaryOp} computes, decided once from its operand and result types.
 * The interpreter and the code generator both switch over this classification, so they pick the
 * same helper for the same types.
 */
public enum ArithKind {
  /** TINYINT/SMALLINT: computed in {@code int}, narrowed with a check. */
  SMALL_INTEGRAL,
  /** INT and INTERVAL YEAR TO MONTH. */
  INT,
  /** BIGINT and INTERVAL DAY TO SECOND. */
  LONG,
  FLOAT,
  DOUBLE,
  /** Decimal on unscaled longs ({@link DecimalOps#useLongPath}). */
  DECIMAL_LONG,
  /** Decimal through BigDecimal, whatever the representations. */
  DECIMAL_BIG,
  /** DATE ± INTERVAL YEAR TO MONTH → DATE. */
  DATE_PLUS_MONTHS,
  /** DATE ± INTERVAL YEAR TO MONTH → TIMESTAMP. */
  DATE_PLUS_MONTHS_TO_TIMESTAMP,
  /** DATE ± INTERVAL DAY TO SECOND → DATE (whole days). */
  DATE_PLUS_MICROS,
  /** DATE ± INTERVAL DAY TO SECOND → TIMESTAMP. */
  DATE_PLUS_MICROS_TO_TIMESTAMP,
  /** DATE ± integral days → DATE. */
  DATE_PLUS_DAYS,
  /** TIMESTAMP ± INTERVAL YEAR TO MONTH. */
  TIMESTAMP_PLUS_MONTHS,
  /** TIMESTAMP ± INTERVAL DAY TO SECOND. */
  TIMESTAMP_PLUS_MICROS,
  /** DATE − DATE → INT or BIGINT days. */
  DATE_MINUS_DATE,
  /** TIMESTAMP − TIMESTAMP → INTERVAL DAY TO SECOND. */
  TIMESTAMP_MINUS_TIMESTAMP;

  public static ArithKind of(BinaryOp.Op op, DataType l, DataType r, DataType result) {
    TypeId lt = l.id(), rt = r.id();
    if (l.isDecimal() && r.isDecimal()) {
      return DecimalOps.useLongPath(op, l, r, result) ? DECIMAL_LONG : DECIMAL_BIG;
    }
    boolean additive = op == BinaryOp.Op.ADD || op == BinaryOp.Op.SUBTRACT;
    if (lt == TypeId.DATE && additive) {
      if (rt == TypeId.INTERVAL_YEAR_MONTH) return result.id() == TypeId.DATE ? DATE_PLUS_MONTHS : DATE_PLUS_MONTHS_TO_TIMESTAMP;
      if (rt == TypeId.INTERVAL_DAY_TIME) return result.id() == TypeId.DATE ? DATE_PLUS_MICROS : DATE_PLUS_MICROS_TO_TIMESTAMP;
      if (r.isIntegral()) return DATE_PLUS_DAYS;
      if (rt == TypeId.DATE && op == BinaryOp.Op.SUBTRACT) return DATE_MINUS_DATE;
    }
    if ((lt == TypeId.TIMESTAMP || lt == TypeId.TIMESTAMP_TZ) && additive) {
      if (rt == TypeId.INTERVAL_YEAR_MONTH) return TIMESTAMP_PLUS_MONTHS;
      if (rt == TypeId.INTERVAL_DAY_TIME) return TIMESTAMP_PLUS_MICROS;
      if (r.isDatetime() && op == BinaryOp.Op.SUBTRACT) return TIMESTAMP_MINUS_TIMESTAMP;
    }
    return switch (result.id()) {
      case TINYINT, SMALLINT -> SMALL_INTEGRAL;
      case INT, INTERVAL_YEAR_MONTH -> INT;
      case BIGINT, INTERVAL_DAY_TIME -> LONG;
      case FLOAT -> FLOAT;
      case DOUBLE -> DOUBLE;
      default -> throw new IllegalArgumentException(
          "no arithmetic " + op + " for " + l + ", " + r + " giving " + result);
    };
  }
}
