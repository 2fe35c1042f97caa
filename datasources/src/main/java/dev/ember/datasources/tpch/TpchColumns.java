package dev.ember.datasources.tpch;

import dev.ember.catalyst.types.DataType;
import dev.ember.datasources.arrow.ArrowValues;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchEntity;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * How the generator's columns become Ember columns: the types DuckDB's tpch extension declares,
 * and a {@link Filler} per column that copies a generated row's value into an Arrow vector through
 * the generator's typed getters (never through its text form).
 *
 * <pre>
 * generator type   Ember type       getter
 * IDENTIFIER       BIGINT           getIdentifier
 * INTEGER          INT              getInteger
 * DOUBLE           DECIMAL(15,2)    getDouble, rounded to cents
 * DATE             DATE             getDate (days since 1970-01-01)
 * VARCHAR          VARCHAR          getString
 * </pre>
 * The generator produces every DOUBLE column (prices, l_quantity, l_discount, l_tax) as a whole
 * number of cents divided by 100, so rounding {@code value * 100} recovers the cents exactly.
 */
final class TpchColumns {
  static final DataType MONEY = DataType.decimal(15, 2);

  private TpchColumns() {}

  static DataType emberType(TpchColumnType type) {
    return switch (type.getBase()) {
      case IDENTIFIER -> DataType.BIGINT;
      case INTEGER -> DataType.INT;
      case DOUBLE -> MONEY;
      case DATE -> DataType.DATE;
      case VARCHAR -> DataType.VARCHAR;
    };
  }

  /** Writes one column of a generated row into a vector with room for {@code row}. */
  interface Filler<E extends TpchEntity> {
    void fill(E entity, FieldVector vector, int row);
  }

  static <E extends TpchEntity> Filler<E> filler(TpchColumn<E> c) {
    return switch (c.getType().getBase()) {
      case IDENTIFIER -> (e, v, row) -> ((BigIntVector) v).set(row, c.getIdentifier(e));
      case INTEGER -> (e, v, row) -> ((IntVector) v).set(row, c.getInteger(e));
      case DATE -> (e, v, row) -> ((DateDayVector) v).set(row, c.getDate(e));
      case DOUBLE -> (e, v, row) ->
          ArrowValues.setLongDecimal((DecimalVector) v, row, Math.round(c.getDouble(e) * 100));
      case VARCHAR -> new StringFiller<>(c);
    };
  }

  /** Copies ASCII text (all the generator produces) without a String-to-bytes allocation. */
  private static final class StringFiller<E extends TpchEntity> implements Filler<E> {
    private final TpchColumn<E> column;
    private byte[] scratch = new byte[256];

    StringFiller(TpchColumn<E> column) { this.column = column; }

    @Override public void fill(E entity, FieldVector vector, int row) {
      String s = column.getString(entity);
      int n = s.length();
      if (scratch.length < n) scratch = new byte[Math.max(n, scratch.length * 2)];
      for (int i = 0; i < n; i++) {
        char ch = s.charAt(i);
        if (ch >= 0x80) {
          byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          ((VarCharVector) vector).setSafe(row, utf8, 0, utf8.length);
          return;
        }
        scratch[i] = (byte) ch;
      }
      ((VarCharVector) vector).setSafe(row, scratch, 0, n);
    }
  }
}
