package dev.ember.catalyst.expr.eval;

import dev.ember.catalyst.errors.EmberException;

/**
 * The run-time rule of scalar subqueries, shared by the interpreter and generated code: a scalar
 * subquery may return no row (NULL) or one; more is an error, as in PostgreSQL and DuckDB.
 */
public final class ScalarSubqueries {
  /** SQLSTATE of PostgreSQL's "more than one row returned by a subquery used as an expression". */
  public static final String CARDINALITY_VIOLATION = "21000";

  private ScalarSubqueries() {}

  /** Raises the cardinality error when a scalar subquery produced {@code rows} > 1 rows. */
  public static void checkRowCount(long rows) {
    if (rows > 1) {
      throw new EmberException(CARDINALITY_VIOLATION,
          "more than one row returned by a subquery used as an expression (" + rows + " rows)");
    }
  }
}
