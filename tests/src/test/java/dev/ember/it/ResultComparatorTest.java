package dev.ember.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultComparatorTest {
  private static final List<String> COLS = List.of("k", "v");

  private static QueryRows rows(Object... flat) {
    List<List<Object>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < flat.length; i += 2) rows.add(Arrays.asList(flat[i], flat[i + 1]));
    return new QueryRows(COLS, rows);
  }

  private static BigDecimal dec(String s) { return new BigDecimal(s); }

  @Test void exactNumbersCompareByValueNotScale() {
    assertTrue(ValueEquality.same(dec("1.50"), dec("1.5")));
    assertFalse(ValueEquality.same(dec("1.50"), dec("1.51")));
    assertFalse(ValueEquality.same(dec("100000000000.00"), dec("100000000000.01")));
  }

  @Test void doublesWithinRelativeTolerance() {
    assertTrue(ValueEquality.same(1e6, 1e6 * (1 + 5e-10)));
    assertFalse(ValueEquality.same(1e6, 1e6 * (1 + 5e-9)));
    assertTrue(ValueEquality.same(Double.NaN, Double.NaN));
    assertFalse(ValueEquality.same(0.0, 1e-300));
  }

  /** DuckDB's avg is a double; Ember's a DECIMAL(19,6): equal when the double rounds to it. */
  @Test void decimalMatchesTheDoubleRoundedToItsScale() {
    double avg = 25.522005853257337;
    assertTrue(ValueEquality.same(dec("25.522006"), avg));
    assertTrue(ValueEquality.same(avg, dec("25.522006")));
    assertFalse(ValueEquality.same(dec("25.522007"), avg));
    assertTrue(ValueEquality.same(dec("25.52"), avg));
    assertFalse(ValueEquality.same(dec("25.53"), avg));
  }

  @Test void otherValuesByEquals() {
    assertTrue(ValueEquality.same(LocalDate.of(1995, 3, 15), LocalDate.of(1995, 3, 15)));
    assertFalse(ValueEquality.same("a", "a "));
    assertFalse(ValueEquality.same(null, dec("0")));
    assertTrue(ValueEquality.same(null, null));
  }

  @Test void unorderedResultsCompareAsMultisets() {
    QueryRows expected = rows("a", dec("1"), "b", dec("2"), "a", dec("1"));
    assertEquals(Optional.empty(), ResultComparator.compare(expected, rows("b", dec("2"), "a", dec("1"), "a", dec("1.0")), OrderSpec.unordered()));
    Optional<String> m = ResultComparator.compare(expected, rows("b", dec("2"), "a", dec("1"), "b", dec("2")), OrderSpec.unordered());
    assertTrue(m.isPresent());
  }

  @Test void orderedResultsMustFollowTheOrderByColumns() {
    QueryRows expected = rows("a", dec("1"), "b", dec("2"));
    Optional<String> m = ResultComparator.compare(expected, rows("b", dec("2"), "a", dec("1")), OrderSpec.columns(0));
    assertTrue(m.isPresent());
    assertTrue(m.get().contains("out of order"), m.get());
  }

  @Test void rowsTiedOnTheOrderByMayComeInAnyOrder() {
    QueryRows expected = rows("a", dec("1"), "a", dec("2"), "b", dec("3"));
    assertEquals(Optional.empty(), ResultComparator.compare(expected, rows("a", dec("2"), "a", dec("1"), "b", dec("3")), OrderSpec.columns(0)));
    assertTrue(ResultComparator.compare(expected, rows("a", dec("2"), "a", dec("2"), "b", dec("3")), OrderSpec.columns(0)).isPresent());
  }

  @Test void aLimitCutThroughTiesAcceptsAnyTiedRowsInTheLastRun() {
    QueryRows expected = rows("a", dec("1"), "b", dec("2"));
    OrderSpec limit2 = new OrderSpec(List.of(0), 2);
    assertEquals(Optional.empty(), ResultComparator.compare(expected, rows("a", dec("1"), "b", dec("9")), limit2));
    assertTrue(ResultComparator.compare(expected, rows("a", dec("7"), "b", dec("2")), limit2).isPresent());
    assertTrue(ResultComparator.compare(expected, rows("a", dec("1"), "b", dec("9")), OrderSpec.columns(0)).isPresent());
  }

  @Test void rowCountAndColumnCountDifferencesAreReported() {
    QueryRows expected = rows("a", dec("1"), "b", dec("2"));
    String m = ResultComparator.compare(expected, rows("a", dec("1")), OrderSpec.columns(0)).orElseThrow();
    assertTrue(m.contains("row count differs: expected 2, actual 1"), m);
    QueryRows narrow = new QueryRows(List.of("k"), List.of(List.of("a")));
    assertTrue(ResultComparator.compare(expected, narrow, OrderSpec.unordered()).orElseThrow().contains("column count"));
  }

  @Test void theMessageShowsTheFirstDifferingRowOfBothEngines() {
    QueryRows expected = rows("a", dec("1"), "b", dec("2"), "c", dec("3"));
    String m = ResultComparator.compare(expected, rows("a", dec("1"), "b", dec("2.5"), "c", dec("3")), OrderSpec.columns(0)).orElseThrow();
    assertTrue(m.contains("at row 1"), m);
    assertTrue(m.contains("> 1: 'b' | 2\n"), m);
    assertTrue(m.contains("> 1: 'b' | 2.5\n"), m);
  }
}
