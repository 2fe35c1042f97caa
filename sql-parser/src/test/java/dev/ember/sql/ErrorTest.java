package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.errors.EmberException;
import org.junit.jupiter.api.Test;

/** Errors a user can cause in a query: each has a SQLSTATE, a clear message and a position. */
class ErrorTest {
  @Test void syntaxError() {
    EmberException e = Tests.error("SELECT a,\n  FROM t", EmberException.SYNTAX_ERROR, 2, 3);
    assertTrue(e.getMessage().contains("FROM"), e.getMessage());
  }

  @Test void unknownTable() {
    EmberException e = Tests.error("SELECT * FROM t JOIN nowhere ON true", EmberException.UNDEFINED_TABLE, 1, 22);
    assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    Tests.error("SELECT * FROM tpch.huge.lineitem", EmberException.UNDEFINED_TABLE, 1, 15);
  }

  @Test void unknownColumn() {
    EmberException e = Tests.error("SELECT a,\n       zz + 1\nFROM t", EmberException.UNDEFINED_COLUMN, 2, 8);
    assertTrue(e.getMessage().contains("zz"), e.getMessage());
    Tests.error("SELECT t.nope FROM t", EmberException.UNDEFINED_COLUMN, 1, 10);
  }

  @Test void unknownFunction() {
    EmberException e = Tests.error("SELECT frobnicate(a) FROM t", EmberException.UNDEFINED_FUNCTION, 1, 8);
    assertTrue(e.getMessage().toUpperCase().contains("FROBNICATE"), e.getMessage());
  }

  @Test void typeMismatch() {
    Tests.error("SELECT 'a' + DATE '2020-01-01'", EmberException.DATATYPE_MISMATCH, 1, 8);
    Tests.error("SELECT a FROM t\nWHERE d = g", EmberException.DATATYPE_MISMATCH, 2, 7);
    Tests.error("SELECT a FROM t WHERE d > true", EmberException.DATATYPE_MISMATCH, 1, 23);
  }

  @Test void positionsAfterSoftKeywordsAreThoseOfTheOriginalText() {
    // "value" is quoted before Calcite sees it; the error column must still be the user's.
    Tests.error("SELECT sum(a) AS value, nope FROM t", EmberException.UNDEFINED_COLUMN, 1, 25);
  }

  @Test void notSupportedConstructsSaySo() {
    assertNotSupported("SELECT a, sum(b) OVER (ORDER BY ts RANGE INTERVAL '1' MONTH PRECEDING) FROM t", "RANGE window frame offset");
    assertNotSupported("INSERT INTO t (a) VALUES (1)", "INSERT");
  }

  @Test void unsupportedFunctionsArePlacedInTheText() {
    Tests.error("SELECT a,\n  sin(f) FROM t", EmberException.FEATURE_NOT_SUPPORTED, 2, 3);
    Tests.error("SELECT a AS value, floor(ts TO DAY) FROM t", EmberException.FEATURE_NOT_SUPPORTED, 1, 20);
  }

  private static void assertNotSupported(String sql, String construct) {
    EmberException e = org.junit.jupiter.api.Assertions.assertThrows(EmberException.class, () -> Tests.FRONT_END.parse(sql));
    assertEquals(EmberException.FEATURE_NOT_SUPPORTED, e.sqlState(), e::describe);
    assertTrue(e.getMessage().contains(construct), e.getMessage());
  }

  @Test void viewErrorsNameTheView() {
    TestCatalog catalog = TestCatalog.standard().addView("broken", "SELECT missing FROM t",
        dev.ember.catalyst.types.Schema.of(new dev.ember.catalyst.types.Field("missing", dev.ember.catalyst.types.DataType.INT, true)));
    EmberException e = org.junit.jupiter.api.Assertions.assertThrows(EmberException.class,
        () -> new SqlFrontEnd(catalog).parse("SELECT * FROM broken"));
    assertEquals(EmberException.UNDEFINED_COLUMN, e.sqlState());
    assertTrue(e.getMessage().contains("broken"), e.getMessage());
  }

  @Test void selfReferencingViewsFail() {
    TestCatalog catalog = TestCatalog.standard().addView("loop", "SELECT * FROM loop",
        dev.ember.catalyst.types.Schema.of(new dev.ember.catalyst.types.Field("a", dev.ember.catalyst.types.DataType.INT, true)));
    EmberException e = org.junit.jupiter.api.Assertions.assertThrows(EmberException.class,
        () -> new SqlFrontEnd(catalog).parse("SELECT * FROM loop"));
    assertTrue(e.getMessage().contains("refers to itself"), e.getMessage());
  }
}
