package dev.ember.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class ValueFormatterTest {
  private static long micros(String isoDateTime) {
    return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0),
        LocalDateTime.parse(isoDateTime));
  }

  /** As Spark's show() prints arrays; JSON output gets a real JSON array. */
  @Test void arrays() {
    DataType strings = DataType.array(DataType.VARCHAR);
    java.util.List<Object> v = java.util.Arrays.asList(dev.ember.catalyst.types.Utf8String.of("a"), null,
        dev.ember.catalyst.types.Utf8String.of("b\"c"));
    assertEquals("[a, null, b\"c]", ValueFormatter.text(v, strings));
    assertEquals("[\"a\",null,\"b\\\"c\"]", ValueFormatter.json(v, strings));
    assertEquals("[[1, 2], []]", ValueFormatter.text(java.util.List.of(java.util.List.of(1, 2), java.util.List.of()),
        DataType.array(DataType.array(DataType.INT))));
  }

  @Test void numbersAndBooleans() {
    assertEquals("true", ValueFormatter.text(true, DataType.BOOLEAN));
    assertEquals("-128", ValueFormatter.text((byte) -128, DataType.TINYINT));
    assertEquals("32767", ValueFormatter.text((short) 32767, DataType.SMALLINT));
    assertEquals("-7", ValueFormatter.text(-7, DataType.INT));
    assertEquals("9223372036854775807", ValueFormatter.text(Long.MAX_VALUE, DataType.BIGINT));
    assertEquals("1.5", ValueFormatter.text(1.5f, DataType.FLOAT));
    assertEquals("0.1", ValueFormatter.text(0.1, DataType.DOUBLE));
    assertEquals("1.0E20", ValueFormatter.text(1e20, DataType.DOUBLE));
    assertEquals("NaN", ValueFormatter.text(Double.NaN, DataType.DOUBLE));
  }

  @Test void decimalsArePlainWithTheirFullScale() {
    assertEquals("12.30", ValueFormatter.text(1230L, DataType.decimal(15, 2)));
    assertEquals("-0.05", ValueFormatter.text(-5L, DataType.decimal(15, 2)));
    assertEquals("100", ValueFormatter.text(100L, DataType.decimal(10, 0)));
    assertEquals("12345678901234567890.123400",
        ValueFormatter.text(new BigDecimal("12345678901234567890.1234"), DataType.decimal(38, 6)));
    assertEquals("10000000000000000000000000000",
        ValueFormatter.text(new BigDecimal("1E+28"), DataType.decimal(38, 0)));
  }

  @Test void datesAndTimestamps() {
    assertEquals("2024-02-29", ValueFormatter.text((int) LocalDate.of(2024, 2, 29).toEpochDay(), DataType.DATE));
    assertEquals("1969-12-31", ValueFormatter.text(-1, DataType.DATE));
    assertEquals("2024-03-01 12:34:56", ValueFormatter.text(micros("2024-03-01T12:34:56"), DataType.TIMESTAMP));
    assertEquals("2024-03-01 12:34:56.5", ValueFormatter.text(micros("2024-03-01T12:34:56.5"), DataType.TIMESTAMP));
    assertEquals("1969-12-31 23:59:59.999999", ValueFormatter.text(-1L, DataType.TIMESTAMP));
    assertEquals("1900-01-01 00:00:00.000123",
        ValueFormatter.text(micros("1900-01-01T00:00:00.000123"), DataType.TIMESTAMP));
    long utc = LocalDateTime.parse("2024-03-01T23:00:00").toEpochSecond(ZoneOffset.UTC) * 1_000_000;
    assertEquals("2024-03-01 23:00:00+00", ValueFormatter.text(utc, DataType.TIMESTAMP_TZ));
  }

  @Test void textBinaryAndIntervals() {
    assertEquals("naïve 東京 🎉", ValueFormatter.text(Utf8String.of("naïve 東京 🎉"), DataType.VARCHAR));
    assertEquals("\\x00ff10", ValueFormatter.text(new byte[] {0, (byte) 0xff, 0x10}, DataType.VARBINARY));
    assertEquals("1-2", ValueFormatter.text(14, DataType.INTERVAL_YEAR_MONTH));
    assertEquals("-0-3", ValueFormatter.text(-3, DataType.INTERVAL_YEAR_MONTH));
    long dayTime = ((3L * 24 + 4) * 3600 + 5 * 60 + 6) * 1_000_000 + 250_000;
    assertEquals("3 04:05:06.25", ValueFormatter.text(dayTime, DataType.INTERVAL_DAY_TIME));
    assertEquals("-0 00:00:01", ValueFormatter.text(-1_000_000L, DataType.INTERVAL_DAY_TIME));
  }

  @Test void jsonKeepsNumbersBareAndQuotesTheRest() {
    assertEquals("null", ValueFormatter.json(null, DataType.INT));
    assertEquals("42", ValueFormatter.json(42L, DataType.BIGINT));
    assertEquals("12.30", ValueFormatter.json(1230L, DataType.decimal(15, 2)));
    assertEquals("false", ValueFormatter.json(false, DataType.BOOLEAN));
    assertEquals("2.5", ValueFormatter.json(2.5, DataType.DOUBLE));
    assertEquals("\"Infinity\"", ValueFormatter.json(Double.POSITIVE_INFINITY, DataType.DOUBLE));
    assertEquals("\"2024-02-29\"", ValueFormatter.json((int) LocalDate.of(2024, 2, 29).toEpochDay(), DataType.DATE));
    assertEquals("\"a\\\"b\\\\c\\n\\u0001é\"", ValueFormatter.json(Utf8String.of("a\"b\\c\n\u0001é"), DataType.VARCHAR));
  }
}
