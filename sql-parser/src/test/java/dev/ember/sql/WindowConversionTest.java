package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Window functions convert to stacked Window nodes, one per window specification. */
class WindowConversionTest {
  @Test void functionsOfOneSpecificationShareOneWindowAndSumIsNullOverEmptyFrames() {
    assertEquals("""
        Project [a, w0$o0 AS rn, CASE WHEN (w1$o0 > 0L) THEN w1$o1 ELSE NULL END AS s]
          Window [row_number() AS w0$o0, count(e) RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW AS w1$o0, \
        sum(e) RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW AS w1$o1] partitionBy=[c] orderBy=[b DESC NULLS FIRST]
            Project [a, b, c, e]
              Scan t [a, b, c, d, e, f, g, ts]
        """, Tests.plan("SELECT a, row_number() OVER w AS rn, sum(e) OVER w AS s FROM t "
            + "WINDOW w AS (PARTITION BY c ORDER BY b DESC)"));
  }

  @Test void differentPartitionsStackSameOrderSharesAndFramesAreKept() {
    assertEquals("""
        Project [a, w0$o0 AS r, w1$o0 AS m, w2$o0 AS n]
          Window [count(*) RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING AS w2$o0] partitionBy=[c] orderBy=[]
            Window [rank() AS w0$o0, min(a) ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING AS w1$o0] partitionBy=[] orderBy=[a ASC NULLS LAST]
              Project [a, c]
                Scan t [a, b, c, d, e, f, g, ts]
        """, Tests.plan("SELECT a, rank() OVER (ORDER BY a) AS r, "
            + "min(a) OVER (ORDER BY a ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING) AS m, "
            + "count(*) OVER (PARTITION BY c) AS n FROM t"));
  }

  @Test void windowOverAnAggregate() {
    assertEquals("""
        Project [c, s, w0$o0 AS r]
          Window [rank() AS w0$o0] partitionBy=[] orderBy=[s DESC NULLS FIRST]
            Aggregate [c] [sum(b) AS s]
              Project [c, b]
                Scan t [a, b, c, d, e, f, g, ts]
        """, Tests.plan("SELECT c, sum(b) AS s, rank() OVER (ORDER BY sum(b) DESC) AS r FROM t GROUP BY c"));
  }
}
