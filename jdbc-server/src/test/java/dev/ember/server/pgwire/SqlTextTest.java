package dev.ember.server.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Placeholders, their substitution and the literals bound values become. */
class SqlTextTest {
  @Test void placeholdersOutsideLiteralsIdentifiersAndComments() {
    String sql = "SELECT $1, '$2', \"$3\", x$4 -- $5\n /* $6 */ FROM t WHERE a = $2";
    assertEquals(2, SqlText.parameterCount(sql));
    assertEquals("SELECT 1, '$2', \"$3\", x$4 -- $5\n /* $6 */ FROM t WHERE a = 'it''s'",
        SqlText.substitute(sql, new String[] {"1", "'it''s'"}));
    assertThrows(PgError.class, () -> SqlText.substitute("SELECT $3", new String[] {"1"}));
  }

  @Test void castsImplyParameterTypes() {
    String sql = "SELECT CAST($1 AS DATE), cast( $2 as double precision ), CAST($3 AS DECIMAL(10,2)), $4";
    assertEquals(PgType.DATE, SqlText.castType(sql, 1));
    assertEquals(PgType.FLOAT8, SqlText.castType(sql, 2));
    assertEquals(PgType.NUMERIC, SqlText.castType(sql, 3));
    assertNull(SqlText.castType(sql, 4));
  }

  @Test void boundValuesBecomeTypedLiterals() {
    assertEquals("CAST((-5) AS BIGINT)", lit("-5", PgType.INT8));
    assertEquals("'O''Brien'", lit("O'Brien", PgType.VARCHAR));
    assertEquals("DATE '1995-03-01'", lit("1995-03-01 +00", null));
    assertEquals("TIMESTAMP '2020-01-02 02:04:05.12'", lit("2020-01-02 03:04:05.12+01", null));
    assertEquals("TRUE", lit("on", PgType.BOOL));
    assertEquals("X'01ff'", lit("\\x01ff", PgType.BYTEA));
    assertEquals("CAST(NULL AS INTEGER)", Parameters.literal(null, Formats.TEXT, PgType.INT4));
    assertEquals("INTERVAL '93784.5' SECOND(12, 6)", lit("1 day 2 hours 3 mins 4.5 secs", PgType.INTERVAL));
    assertThrows(PgError.class, () -> lit("12x", PgType.INT4));
  }

  private static String lit(String text, PgType t) {
    return Parameters.literal(text.getBytes(StandardCharsets.UTF_8), Formats.TEXT, t);
  }
}
