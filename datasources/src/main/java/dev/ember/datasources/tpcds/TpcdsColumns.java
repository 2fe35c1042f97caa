package dev.ember.datasources.tpcds;

import dev.ember.catalyst.types.DataType;
import dev.ember.datasources.arrow.ArrowValues;
import io.trino.tpcds.Table;
import io.trino.tpcds.column.Column;
import io.trino.tpcds.column.ColumnType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * How the generator's columns become Ember columns: the types DuckDB's tpcds extension declares
 * (which follow the TPC-DS spec), which columns may be NULL, and a {@link Filler} per column that
 * parses the generator's text straight into an Arrow vector.
 *
 * <pre>
 * generator type   Ember type       text
 * IDENTIFIER       INT              decimal digits
 * INTEGER          INT              decimal digits, maybe signed
 * DECIMAL(p,s)     DECIMAL(p,s)     [-]digits[.digits], at most s fraction digits
 * DATE             DATE             yyyy-mm-dd
 * CHAR(n)          VARCHAR          as generated (DuckDB declares CHAR columns VARCHAR too)
 * VARCHAR(n)       VARCHAR          as generated
 * </pre>
 * Only the primary key columns are NOT NULL (as DuckDB declares them); the generator leaves every
 * other column NULL in a share of rows, as the spec asks.
 */
final class TpcdsColumns {
  /** Primary keys of the fact tables; every dimension table's key is its first column. */
  private static final Map<String, Set<String>> FACT_KEYS = Map.of(
      "store_sales", Set.of("ss_item_sk", "ss_ticket_number"),
      "store_returns", Set.of("sr_item_sk", "sr_ticket_number"),
      "catalog_sales", Set.of("cs_item_sk", "cs_order_number"),
      "catalog_returns", Set.of("cr_item_sk", "cr_order_number"),
      "web_sales", Set.of("ws_item_sk", "ws_order_number"),
      "web_returns", Set.of("wr_item_sk", "wr_order_number"),
      "inventory", Set.of("inv_date_sk", "inv_item_sk", "inv_warehouse_sk"));

  private TpcdsColumns() {}

  static DataType emberType(ColumnType type) {
    return switch (type.getBase()) {
      case IDENTIFIER, INTEGER -> DataType.INT;
      case DECIMAL -> DataType.decimal(type.getPrecision().orElseThrow(), type.getScale().orElseThrow());
      case DATE -> DataType.DATE;
      case CHAR, VARCHAR -> DataType.VARCHAR;
      case TIME -> throw new IllegalArgumentException("TIME columns appear only in dbgen_version");
    };
  }

  /** Whether the column may hold NULL: every column but the table's primary key. */
  static boolean nullable(Table table, Column column) {
    Set<String> keys = FACT_KEYS.get(table.getName());
    if (keys != null) return !keys.contains(column.getName());
    return column.getPosition() != 0;
  }

  /** Writes one column's generated text (null for NULL) into a vector with room for {@code row}. */
  interface Filler {
    void fill(String text, FieldVector vector, int row);
  }

  static Filler filler(Column column, boolean nullable) {
    Filler values = switch (column.getType().getBase()) {
      case IDENTIFIER, INTEGER -> (s, v, row) -> ((IntVector) v).set(row, Integer.parseInt(s));
      case DECIMAL -> {
        int scale = column.getType().getScale().orElseThrow();
        yield (s, v, row) -> ArrowValues.setLongDecimal((DecimalVector) v, row, unscaled(s, scale));
      }
      case DATE -> (s, v, row) -> ((DateDayVector) v).set(row, epochDay(s));
      case CHAR, VARCHAR -> new StringFiller();
      case TIME -> throw new IllegalArgumentException("TIME columns appear only in dbgen_version");
    };
    String name = column.getTable().getName() + "." + column.getName();
    return (s, v, row) -> {
      if (s != null) {
        values.fill(s, v, row);
      } else if (nullable) {
        v.setNull(row);
      } else {
        throw new IllegalStateException("the generator produced NULL for key column " + name);
      }
    };
  }

  /** The unscaled value of decimal text such as {@code -779.73}, {@code 0.5} or {@code -5}. */
  static long unscaled(String s, int scale) {
    int i = 0;
    int n = s.length();
    boolean negative = n > 0 && s.charAt(0) == '-';
    if (negative) i++;
    long value = 0;
    int fraction = -1;
    boolean digits = false;
    for (; i < n; i++) {
      char ch = s.charAt(i);
      if (ch == '.' && fraction < 0) {
        fraction = 0;
      } else if (ch >= '0' && ch <= '9') {
        value = Math.addExact(Math.multiplyExact(value, 10), ch - '0');
        digits = true;
        if (fraction >= 0 && ++fraction > scale) throw badDecimal(s, scale);
      } else {
        throw badDecimal(s, scale);
      }
    }
    if (!digits) throw badDecimal(s, scale);
    for (int f = Math.max(fraction, 0); f < scale; f++) value = Math.multiplyExact(value, 10);
    return negative ? -value : value;
  }

  private static IllegalStateException badDecimal(String s, int scale) {
    return new IllegalStateException("generated value '" + s + "' is not a decimal of scale " + scale);
  }

  /** Days since 1970-01-01 of {@code yyyy-mm-dd}. */
  static int epochDay(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      throw new IllegalStateException("generated value '" + s + "' is not a yyyy-mm-dd date");
    }
    int year = Integer.parseInt(s, 0, 4, 10);
    int month = Integer.parseInt(s, 5, 7, 10);
    int day = Integer.parseInt(s, 8, 10, 10);
    return (int) LocalDate.of(year, month, day).toEpochDay();
  }

  /** Copies ASCII text (nearly all the generator produces) without a String-to-bytes allocation. */
  private static final class StringFiller implements Filler {
    private byte[] scratch = new byte[256];

    @Override public void fill(String s, FieldVector vector, int row) {
      int n = s.length();
      if (scratch.length < n) scratch = new byte[Math.max(n, scratch.length * 2)];
      for (int i = 0; i < n; i++) {
        char ch = s.charAt(i);
        if (ch >= 0x80) {
          byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
          ((VarCharVector) vector).setSafe(row, utf8, 0, utf8.length);
          return;
        }
        scratch[i] = (byte) ch;
      }
      ((VarCharVector) vector).setSafe(row, scratch, 0, n);
    }
  }
}
