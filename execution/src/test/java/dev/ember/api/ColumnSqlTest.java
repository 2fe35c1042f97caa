package dev.ember.api;

import static dev.ember.api.functions.col;
import static dev.ember.api.functions.countDistinct;
import static dev.ember.api.functions.lit;
import static dev.ember.api.functions.sum;
import static dev.ember.api.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** How columns are written as SQL for the front end, and the names Spark would give them. */
class ColumnSqlTest {
  @Test void literalsKeepTheirJavaType() {
    assertEquals("7", ColumnSql.literal(7));
    assertEquals("CAST(7 AS BIGINT)", ColumnSql.literal(7L));
    assertEquals("CAST(3 AS SMALLINT)", ColumnSql.literal((short) 3));
    assertEquals("1.5E0", ColumnSql.literal(1.5));
    assertEquals("1.0E20", ColumnSql.literal(1e20));
    assertEquals("CAST('NaN' AS DOUBLE)", ColumnSql.literal(Double.NaN));
    assertEquals("CAST(2.5E0 AS REAL)", ColumnSql.literal(2.5f));
    assertEquals("0.060", ColumnSql.literal(new BigDecimal("0.060")));
    assertEquals("'it''s'", ColumnSql.literal("it's"));
    assertEquals("DATE '1998-09-02'", ColumnSql.literal(LocalDate.of(1998, 9, 2)));
    assertEquals("TIMESTAMP '2024-01-31 08:30:00.250'", ColumnSql.literal(LocalDateTime.of(2024, 1, 31, 8, 30, 0, 250_000_000)));
    assertEquals("X'00ff'", ColumnSql.literal(new byte[] {0, (byte) 255}));
    assertEquals("TRUE", ColumnSql.literal(true));
    assertEquals("NULL", ColumnSql.literal(null));
    assertThrows(EmberException.class, () -> ColumnSql.literal(new Object()));
  }

  @Test void displayNamesAreSparks() {
    assertEquals("(a + 1)", col("a").plus(1).toString());
    assertEquals("sum((x * y))", sum(col("x").multiply(col("y"))).toString());
    assertEquals("count(DISTINCT a, b)", countDistinct("a", "b").toString());
    assertEquals("(k IN (1, 2, 3))", col("k").isin(1, 2, 3).toString());
    assertEquals("CASE WHEN (a > 1) THEN x ELSE y END", when(col("a").gt(1), lit("x")).otherwise("y").toString());
    assertEquals("CAST(a AS DECIMAL(10,2))", col("a").cast("decimal(10,2)").toString());
    assertEquals("b", col("t.b").toString());
    assertEquals("renamed", col("a").plus(1).alias("renamed").toString());
  }

  @Test void typeNames() {
    assertEquals(DataType.VARCHAR, TypeNames.type("string"));
    assertEquals(DataType.BIGINT, TypeNames.type("LONG"));
    assertEquals(DataType.decimal(10, 2), TypeNames.type("decimal(10, 2)"));
    assertEquals(DataType.decimal(10, 0), TypeNames.type("decimal"));
    assertEquals("REAL", TypeNames.sql(DataType.FLOAT));
    assertThrows(EmberException.class, () -> TypeNames.type("struct<a:int>"));
  }

  @Test void whenChainsOnlyAfterWhen() {
    assertThrows(EmberException.class, () -> col("a").otherwise(1));
    assertThrows(EmberException.class, () -> when(col("a").gt(1), 1).otherwise(2).when(col("b").gt(1), 3));
  }
}
