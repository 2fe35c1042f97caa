package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Correlated scalar subqueries that may return several rows per correlation value: the 21000
 * check ({@code scalar_subquery_check}) must sit above the join with the outer rows, never right
 * above the grouped aggregate, where it would see groups no outer row meets.
 */
class CorrelatedScalarSubqueryTest {
  @Test void inTheSelectListTheCheckRunsAboveTheLeftJoin() {
    assertEquals("""
        Project [a, $f1 AS (SELECT x FROM u WHERE u.a = t.a)]
          Project [a, b, c, d, e, f, g, ts, a, scalar_subquery_check($f1$rows, $f1) AS $f1]
            Join LeftOuter [(a = a)]
              Scan t [a, b, c, d, e, f, g, ts]
              Project [a, $f1, $f1$rows]
                Aggregate [a] [any_value(x) AS $f1, count(*) AS $f1$rows]
                  Project [a, x]
                    Scan u [a, x]
        """, Tests.plan("SELECT a, (SELECT x FROM u WHERE u.a = t.a) FROM t"));
  }

  @Test void inWhereTheComparisonMovesAboveTheCheck() {
    // Decorrelation filters the subquery's side by 'z' < value; that filter must run after the check.
    assertEquals("""
        Project [a]
          Project [a, b, c, d, e, f, g, ts, a AS a0, $f1]
            Filter [('z' < $f1)]
              Project [a, b, c, d, e, f, g, ts, a, scalar_subquery_check($f1$rows, $f1) AS $f1]
                Join Inner [(a = a)]
                  Filter [(a >= 2)]
                    Scan t [a, b, c, d, e, f, g, ts]
                  Project [a, $f1, $f1$rows]
                    Aggregate [a] [any_value(x) AS $f1, count(*) AS $f1$rows]
                      Project [a, x]
                        Scan u [a, x]
        """, Tests.plan("SELECT a FROM t WHERE a >= 2 AND 'z' < (SELECT x FROM u WHERE u.a = t.a)"));
  }

  @Test void aSubqueryKnownToReturnOneRowPerKeyIsNotChecked() {
    assertEquals(false, Tests.plan("SELECT a, (SELECT max(x) FROM u WHERE u.a = t.a) FROM t")
        .contains("scalar_subquery_check"));
  }
}
