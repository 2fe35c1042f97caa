package dev.ember.codegen.expr;

import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.types.DataType;
import java.util.List;

/** Type lists and small builders shared by the equivalence tests. */
final class Types {
  static final List<DataType> INTEGRAL = List.of(DataType.TINYINT, DataType.SMALLINT, DataType.INT, DataType.BIGINT);
  static final List<DataType> FLOATING = List.of(DataType.FLOAT, DataType.DOUBLE);
  static final List<DataType> DECIMALS = List.of(DataType.decimal(1, 0), DataType.decimal(5, 2),
      DataType.decimal(10, 0), DataType.decimal(18, 4), DataType.decimal(18, 18), DataType.decimal(20, 5),
      DataType.decimal(38, 10), DataType.decimal(38, 0));
  static final List<DataType> DATETIME = List.of(DataType.DATE, DataType.TIMESTAMP, DataType.TIMESTAMP_TZ);
  static final List<DataType> INTERVALS = List.of(DataType.INTERVAL_YEAR_MONTH, DataType.INTERVAL_DAY_TIME);
  /** One of every kind of type (decimals in both representations). */
  static final List<DataType> ALL = List.of(DataType.BOOLEAN, DataType.TINYINT, DataType.SMALLINT, DataType.INT,
      DataType.BIGINT, DataType.FLOAT, DataType.DOUBLE, DataType.decimal(5, 2), DataType.decimal(18, 4),
      DataType.decimal(38, 10), DataType.DATE, DataType.TIMESTAMP, DataType.TIMESTAMP_TZ, DataType.VARCHAR,
      DataType.VARBINARY, DataType.INTERVAL_YEAR_MONTH, DataType.INTERVAL_DAY_TIME);

  private Types() {}

  static Expr col(int i, DataType t) { return new BoundRef(i, t, true); }

  static Expr notNullCol(int i, DataType t) { return new BoundRef(i, t, false); }
}
