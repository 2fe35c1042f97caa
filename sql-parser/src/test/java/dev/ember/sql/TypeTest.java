package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.plan.logical.Values;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Result types (Spark's rules, from catalyst's DecimalRules) and literal values in Ember's representation. */
class TypeTest {
  private static List<DataType> types(String sql) {
    return Tests.query(sql).plan().output().stream().map(AttributeRef::type).toList();
  }

  @Test void tpchQ1HasSparksResultTypes() {
    // Spark 3 reports exactly these types for Q1's columns.
    assertEquals(List.of(DataType.VARCHAR, DataType.VARCHAR, DataType.decimal(25, 2), DataType.decimal(25, 2),
        DataType.decimal(38, 4), DataType.decimal(38, 6), DataType.decimal(19, 6), DataType.decimal(19, 6),
        DataType.decimal(19, 6), DataType.BIGINT), types(Tpch.query(1)));
  }

  @Test void aggregateTypes() {
    assertEquals(List.of(DataType.BIGINT, DataType.BIGINT, DataType.DOUBLE, DataType.DOUBLE, DataType.BIGINT,
        DataType.decimal(20, 2), DataType.decimal(14, 6), DataType.INT, DataType.decimal(10, 2), DataType.DOUBLE),
        types("SELECT sum(a), sum(b), avg(a), avg(f), count(*), sum(e), avg(e), min(a), max(e), sum(f) FROM t"));
  }

  @Test void arithmeticTypes() {
    assertEquals(List.of(DataType.DOUBLE, DataType.DOUBLE, DataType.decimal(21, 13), DataType.decimal(21, 4),
        DataType.decimal(11, 2), DataType.decimal(13, 2), DataType.INT, DataType.BIGINT, DataType.DOUBLE,
        DataType.decimal(10, 2)),
        types("SELECT a / 2, b / a, e / 2, e * e, e + e, e - a, a % 3, a + b, f + a, e % 7 FROM t"));
  }

  @Test void literalsUseEmbersValueRepresentation() {
    Values v = (Values) Tests.query("SELECT 7, 1234567890123, 1.50, 2.5e0, 'Grüße', DATE '2020-01-02', "
        + "TIMESTAMP '2020-01-02 03:04:05.123456', true, CAST(NULL AS INT), X'0AFF', "
        + "12345678901234567890.5").plan();
    assertEquals(List.of(DataType.INT, DataType.BIGINT, DataType.decimal(3, 2), DataType.DOUBLE, DataType.VARCHAR,
        DataType.DATE, DataType.TIMESTAMP, DataType.BOOLEAN, DataType.INT, DataType.VARBINARY, DataType.decimal(21, 1)),
        v.output().stream().map(AttributeRef::type).toList());
    List<Object> row = v.rows().get(0);
    assertEquals(7, row.get(0));
    assertEquals(1234567890123L, row.get(1));
    assertEquals(150L, row.get(2));
    assertEquals(2.5, row.get(3));
    assertEquals(Utf8String.of("Grüße"), row.get(4));
    assertEquals((int) LocalDate.of(2020, 1, 2).toEpochDay(), row.get(5));
    assertEquals(LocalDate.of(2020, 1, 2).toEpochDay() * 86_400_000_000L + 3_600_000_000L * 3 + 60_000_000L * 4
        + 5_123_456L, row.get(6));
    assertEquals(true, row.get(7));
    assertEquals(null, row.get(8));
    assertArrayEquals(new byte[] {0x0A, (byte) 0xFF}, (byte[]) row.get(9));
    assertEquals(new BigDecimal("12345678901234567890.5"), row.get(10));
  }

  @Test void intervalsAreMonthsOrMicroseconds() {
    var p = (dev.ember.catalyst.plan.logical.Project) Tests.query(
        "SELECT d + INTERVAL '1-2' YEAR TO MONTH, ts + INTERVAL '1 02:03:04.5' DAY TO SECOND FROM t").plan();
    var ym = (dev.ember.catalyst.expr.BinaryOp) ((dev.ember.catalyst.expr.Alias) p.projections().get(0)).child();
    var dt = (dev.ember.catalyst.expr.BinaryOp) ((dev.ember.catalyst.expr.Alias) p.projections().get(1)).child();
    assertEquals(new Literal(14, DataType.INTERVAL_YEAR_MONTH), ym.right());
    assertEquals(DataType.DATE, ym.type());
    assertEquals(new Literal(((24 + 2) * 3600L + 3 * 60 + 4) * 1_000_000L + 500_000, DataType.INTERVAL_DAY_TIME), dt.right());
    assertEquals(DataType.TIMESTAMP, dt.type());
  }

  @Test void charLiteralsAreNotPadded() {
    // Calcite would type these CHAR(1) and CHAR(3) and pad 'a' to 'a  '; Ember has VARCHAR only.
    Values v = (Values) Tests.query("SELECT 'a' UNION ALL SELECT 'abc'").plan();
    assertEquals(Utf8String.of("a"), v.rows().get(0).get(0));
    assertEquals(Utf8String.of("abc"), v.rows().get(1).get(0));
    assertEquals(DataType.VARCHAR, v.output().get(0).type());
  }
}
