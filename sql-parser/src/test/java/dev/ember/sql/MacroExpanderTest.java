package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.catalyst.errors.EmberException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Session macros: expanded before validation, arguments substituted, positions those of the call. */
class MacroExpanderTest {
  private static SqlFrontEnd frontEnd(SqlMacro... macros) {
    SqlMacros m = new SqlMacros();
    for (SqlMacro x : macros) m.register(x);
    return new SqlFrontEnd(TestCatalog.standard(), m);
  }

  private static String plan(SqlFrontEnd fe, String sql) { return Tests.query(fe, sql).plan().treeString(); }

  @Test void aCallPlansAsItsBodyWithTheArgumentsInPlace() {
    SqlFrontEnd fe = frontEnd(SqlMacro.of("twice", List.of("x"), "x * 2"),
        SqlMacro.of("is_small", List.of("v", "limit_"), "CASE WHEN v < limit_ THEN TRUE ELSE FALSE END"));
    assertEquals(plan(Tests.FRONT_END, "SELECT a * 2 AS r FROM t WHERE CASE WHEN b < 10 THEN TRUE ELSE FALSE END"),
        plan(fe, "SELECT twice(a) AS r FROM t WHERE is_small(b, 10)"));
    // nested: an argument that is itself a call, and the same argument used twice
    assertEquals(plan(Tests.FRONT_END, "SELECT (a * 2) * 2 AS r FROM t"), plan(fe, "SELECT twice(twice(a)) AS r FROM t"));
  }

  @Test void niladicNamesAndArityAndComputedBodies() {
    AtomicInteger calls = new AtomicInteger();
    SqlFrontEnd fe = frontEnd(new SqlMacro("current_user", List.of(), () -> "'u" + calls.incrementAndGet() + "'"),
        SqlMacro.of("twice", List.of("x"), "x * 2"));
    assertEquals(plan(Tests.FRONT_END, "SELECT 'u1' AS w FROM t"), plan(fe, "SELECT current_user AS w FROM t"));
    assertEquals(plan(Tests.FRONT_END, "SELECT 'u2' AS w FROM t"), plan(fe, "SELECT CURRENT_USER AS w FROM t"));
    // a quoted name is a column reference, and an alias a name: never the macro
    Tests.query(fe, "SELECT \"c\" FROM t");
    assertEquals(plan(Tests.FRONT_END, "SELECT 'u3' AS \"current_user\" FROM t"),
        plan(fe, "SELECT current_user AS \"current_user\" FROM t"));
    // another arity does not match: the call stays unknown, at its own position
    EmberException e = assertThrows(EmberException.class, () -> fe.parse("SELECT a,\n  twice(a, b) FROM t"));
    assertEquals(EmberException.UNDEFINED_FUNCTION, e.sqlState());
    assertEquals(2, e.line());
    assertEquals(3, e.column());
  }

  @Test void anErrorInsideAnExpansionPointsAtTheCall() {
    SqlFrontEnd fe = frontEnd(SqlMacro.of("bad", List.of("x"), "x + DATE '2020-01-01'"));
    EmberException e = assertThrows(EmberException.class, () -> fe.parse("SELECT a,\n    bad('s') FROM t"));
    assertEquals(EmberException.DATATYPE_MISMATCH, e.sqlState());
    assertEquals(2, e.line());
    assertEquals(5, e.column());
    SqlFrontEnd loop = frontEnd(SqlMacro.of("f", List.of("x"), "f(x)"));
    EmberException l = assertThrows(EmberException.class, () -> loop.parse("SELECT f(a) FROM t"));
    assertEquals(EmberException.SYNTAX_ERROR, l.sqlState());
  }
}
