package dev.ember.catalyst.optimizer.cbo;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ember.catalyst.PlanBuilder;
import dev.ember.catalyst.TestTable;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.stats.ColumnStat;
import dev.ember.catalyst.stats.Statistics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardinalityEstimatorTest {
  /** 1,000 rows; k: 1..1000 unique; g: 10 values; x: 0..100 with 101 values; s: 4 strings. */
  static PlanBuilder facts() {
    return scan(TestTable.of("facts", "k BIGINT NOT NULL", "g INT", "x INT", "s VARCHAR")
        .withStatistics(Statistics.of(1000, 40_000).withColumns(Map.of(
            "k", ColumnStat.ofRange(1000, 1L, 1000L),
            "g", ColumnStat.ofRange(10, 1, 10),
            "x", ColumnStat.ofRange(101, 0, 100).withNullCount(100),
            "s", ColumnStat.ofDistinct(4)))));
  }

  /** 50 rows whose key d_k (50 values) joins facts.k. */
  static PlanBuilder dims() {
    return scan(TestTable.of("dims", "d_k BIGINT", "d_name VARCHAR")
        .withStatistics(Statistics.of(50, 1_000).withColumns(Map.of("d_k", ColumnStat.ofRange(50, 1L, 50L)))));
  }

  private static double rows(PlanBuilder p) { return new CardinalityEstimator().estimate(p.build()).rows(); }

  @Test void equalityKeepsOneDistinctValue() {
    assertEquals(250, rows(facts().filter(eq(col("s"), lit("a")))), 1e-9);
    assertEquals(100, rows(facts().filter(eq(col("g"), lit(3)))), 1e-9);
  }

  @Test void equalityOutsideTheRangeKeepsAlmostNothing() {
    assertEquals(1, rows(facts().filter(eq(col("g"), lit(42)))), 1e-9);
  }

  @Test void rangesInterpolateBetweenMinAndMax() {
    assertEquals(250, rows(facts().filter(lt(col("x"), lit(25)))), 1e-9);
    assertEquals(750, rows(facts().filter(gt(col("x"), lit(25)))), 1e-9);
  }

  /** Two bounds on one column are one range (≈ 11%), not two independent guesses (0.9 · 0.2 = 18%). */
  @Test void conjunctsOnOneColumnNarrowItsRange() {
    double r = rows(facts().filter(and(ge(col("x"), lit(10)), le(col("x"), lit(20)))));
    assertEquals(1000 * (10.0 / 100 + 1.0 / 101), r, 2.0);
  }

  @Test void orAddsAndNotComplements() {
    assertEquals(1000 * (0.1 + 0.1 - 0.01), rows(facts().filter(or(eq(col("g"), lit(1)), eq(col("g"), lit(2))))), 1e-6);
    assertEquals(900, rows(facts().filter(not(eq(col("g"), lit(1))))), 1e-6);
    assertEquals(300, rows(facts().filter(in(col("g"), lit(1), lit(2), lit(3)))), 1e-6);
  }

  @Test void nullCountsDriveIsNull() {
    assertEquals(100, rows(facts().filter(isNull(col("x")))), 1e-9);
    assertEquals(1000, rows(facts().filter(isNotNull(col("k")))), 1e-9);
  }

  @Test void equiJoinDividesByTheLargerDistinctCount() {
    // 1000 · 50 / max(1000, 50)
    assertEquals(50, rows(facts().join(dims(), JoinType.INNER, eq(col("k"), col("d_k")))), 1e-9);
    assertEquals(1000, rows(facts().join(dims(), JoinType.LEFT, eq(col("k"), col("d_k")))), 1e-9);
    // A semi join keeps the facts whose key has a partner: 50 of 1000 distinct keys.
    assertEquals(50, rows(facts().join(dims(), JoinType.LEFT_SEMI, eq(col("k"), col("d_k")))), 1e-9);
  }

  /**
   * partsupp-like (800 rows, unique on (pk, sk): 200 · 10 combinations) joined with lineitem-like
   * facts (6,000 rows) on both keys: each fact row has one partner, so 6,000 rows — the smaller of
   * the per-key counts (6000 · 800 / 200 = 24,000) overestimated 4 times.
   */
  @Test void aCompositeKeyJoinIsBoundedByTheLargerSide() {
    PlanBuilder supplies = scan(TestTable.of("supplies", "pk BIGINT", "sk BIGINT")
        .withStatistics(Statistics.of(800, 12_800).withColumns(Map.of(
            "pk", ColumnStat.ofRange(200, 1L, 200L), "sk", ColumnStat.ofRange(10, 1L, 10L)))));
    PlanBuilder lines = scan(TestTable.of("lines", "l_pk BIGINT", "l_sk BIGINT")
        .withStatistics(Statistics.of(6000, 96_000).withColumns(Map.of(
            "l_pk", ColumnStat.ofRange(200, 1L, 200L), "l_sk", ColumnStat.ofRange(10, 1L, 10L)))));
    assertEquals(6000, rows(lines.join(supplies, JoinType.INNER,
        and(eq(col("l_pk"), col("pk")), eq(col("l_sk"), col("sk"))))), 1e-9);
    // One key alone keeps the per-key estimate: 6000 · 800 / 200.
    assertEquals(24_000, rows(scan(TestTable.of("lines2", "m_pk BIGINT")
        .withStatistics(Statistics.of(6000, 48_000).withColumns(Map.of("m_pk", ColumnStat.ofRange(200, 1L, 200L)))))
        .join(supplies, JoinType.INNER, eq(col("m_pk"), col("pk")))), 1e-9);
  }

  /** 6,000 rows whose key f_k lies in 1..200 but whose distinct count nobody measured (a file footer). */
  static PlanBuilder footerOnly() {
    return scan(TestTable.of("lines", "f_k BIGINT", "f_name VARCHAR")
        .withStatistics(Statistics.of(6000, 100_000).withColumns(Map.of(
            "f_k", ColumnStat.UNKNOWN.withRange(1L, 200L).withNullCount(0)))));
  }

  /** Without a distinct count the key's range bounds it: 6000 · 50 / max(200, 50), not 6000 · 50 / 6000. */
  @Test void anIntegralRangeBoundsAnUnknownDistinctCount() {
    assertEquals(1500, rows(footerOnly().join(dims(), JoinType.INNER, eq(col("f_k"), col("d_k")))), 1e-9);
    assertEquals(200, rows(footerOnly().aggregate(List.of(col("f_k")), List.of(countStar().as("n")))), 1e-9);
  }

  /** Must not fire: a string column's range says nothing about how many values it has. */
  @Test void aStringRangeDoesNotBoundDistinctCounts() {
    PlanBuilder strings = scan(TestTable.of("strs", "t VARCHAR")
        .withStatistics(Statistics.of(6000, 100_000).withColumns(Map.of(
            "t", ColumnStat.UNKNOWN.withRange("a", "b")))));
    assertEquals(6000, rows(strings.aggregate(List.of(col("t")), List.of(countStar().as("n")))), 1e-9);
  }

  /** What SimplifyLike makes of LIKE is estimated as the LIKE was, so simplifying never moves a plan. */
  @Test void patternFunctionsAreEstimatedAsLike() {
    double like = rows(facts().filter(call(dev.ember.catalyst.expr.Call.Fn.LIKE,
        dev.ember.catalyst.types.DataType.BOOLEAN, col("s"), lit("%green%"))));
    for (var fn : List.of(dev.ember.catalyst.expr.Call.Fn.CONTAINS, dev.ember.catalyst.expr.Call.Fn.STARTS_WITH,
        dev.ember.catalyst.expr.Call.Fn.ENDS_WITH)) {
      assertEquals(like, rows(facts().filter(call(fn, dev.ember.catalyst.types.DataType.BOOLEAN, col("s"), lit("green")))),
          1e-9, fn.name());
    }
  }

  @Test void aggregatesHaveAsManyRowsAsKeyCombinations() {
    assertEquals(10, rows(facts().aggregate(List.of(col("g")), List.of(countStar().as("n")))), 1e-9);
    assertEquals(1000, rows(facts().aggregate(List.of(col("g"), col("k")), List.of(countStar().as("n")))), 1e-9);
    assertEquals(1, rows(facts().aggregate(List.of(), List.of(countStar().as("n")))), 1e-9);
  }

  @Test void limitsCapAndProjectsKeepColumnStatistics() {
    assertEquals(7, rows(facts().limit(7)), 1e-9);
    assertEquals(100, rows(facts().project(col("g")).filter(eq(col("g"), lit(3)))), 1e-9);
  }

  @Test void unknownSourcesMakeEverythingAboveUnknown() {
    PlanBuilder unknown = scan("mystery", "m BIGINT");
    assertFalse(new CardinalityEstimator().estimate(unknown.join(facts(), JoinType.INNER, eq(col("m"), col("k"))).build())
        .isKnown());
  }

  @Test void bytesFollowTheOutputColumns() {
    PlanStats s = new CardinalityEstimator().estimate(facts().project(col("k")).build());
    assertEquals(1000 * 8, s.bytes(), 1e-9);
  }

  /**
   * 10,000 rows of v in 1..1000, skewed: 9,000 rows are 1, the other 1,000 spread over 2..1000.
   * With its histogram the estimates are near the truth; min/max interpolation is far off.
   */
  static PlanBuilder skewed(boolean withHistogram) {
    double[] values = new double[10_000];
    for (int i = 0; i < 9_000; i++) values[i] = 1;
    for (int i = 0; i < 1_000; i++) values[9_000 + i] = 2 + (i * 999 / 1000);
    ColumnStat v = ColumnStat.ofRange(1000, 1, 1000);
    if (withHistogram) v = v.withHistogram(dev.ember.catalyst.stats.Histogram.of(values, values.length, 254, 10_000, 1000));
    return scan(TestTable.of("skewed", "v INT NOT NULL")
        .withStatistics(Statistics.of(10_000, 40_000).withColumns(Map.of("v", v))));
  }

  @Test void histogramsEstimateSkewedEqualityAndRanges() {
    // Truth: v = 1 keeps 9,000 rows; v <= 10 keeps 9,009; v > 500 keeps 500; v = 700 keeps 1.
    assertEquals(9_000, rows(skewed(true).filter(eq(col("v"), lit(1)))), 100);
    assertEquals(10, rows(skewed(false).filter(eq(col("v"), lit(1)))), 1e-6);
    assertEquals(9_009, rows(skewed(true).filter(le(col("v"), lit(10)))), 100);
    assertEquals(100, rows(skewed(false).filter(le(col("v"), lit(10)))), 10);
    assertEquals(500, rows(skewed(true).filter(gt(col("v"), lit(500)))), 50);
    assertEquals(5_000, rows(skewed(false).filter(gt(col("v"), lit(500)))), 50);
    assertEquals(1, rows(skewed(true).filter(eq(col("v"), lit(700)))), 1);
    assertEquals(1_000, rows(skewed(true).filter(not(eq(col("v"), lit(1))))), 100);
    // Truth: v IN (1, 700) keeps 9,001 rows; by distinct counts alone 2/1000 of them.
    assertEquals(9_001, rows(skewed(true).filter(in(col("v"), lit(1), lit(700)))), 100);
    assertEquals(20, rows(skewed(false).filter(in(col("v"), lit(1), lit(700)))), 1e-6);
  }

  /** Two bounds on one column: the second is taken relative to the rows the first kept. */
  @Test void histogramRangesCompose() {
    // Truth: 1 < v <= 500 keeps 500 rows.
    assertEquals(500, rows(skewed(true).filter(and(gt(col("v"), lit(1)), le(col("v"), lit(500))))), 50);
  }

  /** A column without a histogram is estimated as before (must not change). */
  @Test void noHistogramNoChange() {
    assertEquals(250, rows(facts().filter(lt(col("x"), lit(25)))), 1e-9);
  }
}
