package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.catalyst.errors.EmberException;

/** Shared helpers: parse against the standard test catalog, check plans, expect errors. */
final class Tests {
  static final SqlFrontEnd FRONT_END = new SqlFrontEnd(TestCatalog.standard());

  private Tests() {}

  /** Parses a query, checks its plan's invariants and returns it. */
  static Query query(String sql) { return query(FRONT_END, sql); }

  static Query query(SqlFrontEnd fe, String sql) {
    Query q = assertInstanceOf(Query.class, fe.parse(sql));
    PlanChecks.check(q.plan());
    return q;
  }

  static String plan(String sql) { return query(sql).plan().treeString(); }

  /** The error {@code sql} raises, after checking its SQLSTATE and position. */
  static EmberException error(String sql, String sqlState, int line, int column) {
    EmberException e = assertThrows(EmberException.class, () -> FRONT_END.parse(sql));
    assertEquals(sqlState, e.sqlState(), () -> "state of: " + e.describe());
    assertEquals(line, e.line(), () -> "line of: " + e.describe());
    assertEquals(column, e.column(), () -> "column of: " + e.describe());
    return e;
  }
}
