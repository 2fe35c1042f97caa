package dev.ember.server.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Text and binary encodings against PostgreSQL's documented forms. */
class FormatsTest {
  @Test void textForms() {
    assertEquals("t", TextFormat.format(true, DataType.BOOLEAN));
    assertEquals("-12.50", TextFormat.format(-1250L, DataType.decimal(10, 2)));
    assertEquals("0.1", TextFormat.format(0.1, DataType.DOUBLE));
    assertEquals("1e+20", TextFormat.format(1e20, DataType.DOUBLE));
    assertEquals("1.5e-07", TextFormat.format(1.5e-7, DataType.DOUBLE));
    assertEquals("Infinity", TextFormat.format(Double.POSITIVE_INFINITY, DataType.DOUBLE));
    assertEquals("1994-02-28", TextFormat.format((int) LocalDate.of(1994, 2, 28).toEpochDay(), DataType.DATE));
    assertEquals("1969-12-31 23:59:59.5", TextFormat.format(-500_000L, DataType.TIMESTAMP));
    assertEquals("2001-02-03 04:05:06+00", TextFormat.format(981_173_106_000_000L, DataType.TIMESTAMP_TZ));
    assertEquals("\\x00ff10", TextFormat.format(new byte[] {0, -1, 16}, DataType.VARBINARY));
    assertEquals("1 year 2 mons", TextFormat.format(14, DataType.INTERVAL_YEAR_MONTH));
    assertEquals("1 day 02:03:04.5", TextFormat.format(93_784_500_000L, DataType.INTERVAL_DAY_TIME));
    assertEquals("-00:00:01", TextFormat.format(-1_000_000L, DataType.INTERVAL_DAY_TIME));
  }

  @Test void arraysInTextAsPostgresPrintsThem() {
    DataType ints = DataType.array(DataType.INT);
    assertEquals("{1,-2,NULL}", TextFormat.format(java.util.Arrays.asList(1, -2, null), ints));
    assertEquals("{}", TextFormat.format(java.util.List.of(), ints));
    java.util.List<Object> texts = java.util.Arrays.asList(Utf8String.of("plain"), Utf8String.of(""), Utf8String.of("a b"),
        Utf8String.of("q\"uote"), Utf8String.of("back\\slash"), Utf8String.of("NULL"), Utf8String.of("{,}"), null);
    assertEquals("{plain,\"\",\"a b\",\"q\\\"uote\",\"back\\\\slash\",\"NULL\",\"{,}\",NULL}",
        TextFormat.format(texts, DataType.array(DataType.VARCHAR)));
    assertEquals("{{1},{}}", TextFormat.format(java.util.List.of(java.util.List.of(1), java.util.List.of()),
        DataType.array(ints)));
  }

  @Test void arrayTypesHavePostgresOids() {
    assertEquals(1007, PgType.of(DataType.array(DataType.INT)).oid());
    assertEquals(1016, PgType.of(DataType.array(DataType.BIGINT)).oid());
    assertEquals(1015, PgType.of(DataType.array(DataType.VARCHAR)).oid());
    assertEquals(1231, PgType.of(DataType.array(DataType.decimal(10, 2))).oid());
    assertEquals("numeric(10,2)[]", PgType.formatType(DataType.array(DataType.decimal(10, 2))));
    assertEquals(PgType.TEXT, PgType.of(DataType.array(DataType.array(DataType.INT))));
  }

  @Test void arrayParametersAreNotSupported() {
    dev.ember.catalyst.errors.EmberException e = org.junit.jupiter.api.Assertions.assertThrows(
        dev.ember.catalyst.errors.EmberException.class,
        () -> Parameters.literal("{1,2}".getBytes(java.nio.charset.StandardCharsets.UTF_8), Formats.TEXT, PgType.byOid(1007)));
    assertEquals("not supported: parameters of type integer[]", e.getMessage());
  }

  /** array_send: ndim, has-nulls, element OID, (length, lower bound), then length-prefixed elements. */
  @Test void arraysInBinary() {
    ByteBuf b = Unpooled.buffer();
    BinaryFormat.write(b, java.util.Arrays.asList(7L, null), DataType.array(DataType.BIGINT));
    assertEquals(1, b.readInt());
    assertEquals(1, b.readInt());
    assertEquals(20, b.readInt());
    assertEquals(2, b.readInt());
    assertEquals(1, b.readInt());
    assertEquals(8, b.readInt());
    assertEquals(7L, b.readLong());
    assertEquals(-1, b.readInt());
    assertEquals(0, b.readableBytes());
    b.clear();
    BinaryFormat.write(b, java.util.List.of(), DataType.array(DataType.INT));
    assertEquals(0, b.readInt());
    assertEquals(0, b.readInt());
    assertEquals(23, b.readInt());
    assertEquals(0, b.readableBytes());
  }

  @Test void binaryDatesAndTimestampsCountFrom2000() {
    ByteBuf b = Unpooled.buffer();
    BinaryFormat.write(b, (int) LocalDate.of(2000, 1, 2).toEpochDay(), DataType.DATE);
    assertEquals(1, b.readInt());
    BinaryFormat.write(b, BinaryFormat.PG_EPOCH_MICROS - 1, DataType.TIMESTAMP);
    assertEquals(-1L, b.readLong());
  }

  @Test void numericWireFormOfKnownValues() {
    // 12345.678: digits 1|2345|6780, weight 1, dscale 3 (PostgreSQL's numeric_send)
    ByteBuf b = Unpooled.buffer();
    BinaryFormat.writeNumeric(b, new BigDecimal("-12345.678"));
    assertEquals(3, b.readShort());
    assertEquals(1, b.readShort());
    assertEquals(0x4000, b.readShort());
    assertEquals(3, b.readShort());
    assertEquals(1, b.readShort());
    assertEquals(2345, b.readShort());
    assertEquals(6780, b.readShort());
    b.clear();
    BinaryFormat.writeNumeric(b, new BigDecimal("0.00"));
    assertEquals(0, b.readShort());
    assertEquals(0, b.readShort());
    assertEquals(0, b.readShort());
    assertEquals(2, b.readShort());
  }

  @Test void numericRoundTripsOnRandomValues() {
    Random r = new Random(7);
    for (int i = 0; i < 2000; i++) {
      BigDecimal v = new BigDecimal(new java.math.BigInteger(1 + r.nextInt(120), r), r.nextInt(20));
      if (r.nextBoolean()) v = v.negate();
      ByteBuf b = Unpooled.buffer();
      BinaryFormat.writeNumeric(b, v);
      assertEquals(v, BinaryFormat.readNumeric(b), "round trip of " + v);
    }
  }
}
