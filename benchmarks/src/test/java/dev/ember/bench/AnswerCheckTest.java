package dev.ember.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerCheckTest {
  private static Answer answer(List<?>... rows) {
    List<List<Object>> r = Arrays.stream(rows).map(row -> List.<Object>copyOf(row)).toList();
    return new Answer(List.of("a", "b"), r);
  }

  private static BigDecimal dec(String s) { return new BigDecimal(s); }

  @Test void decimalsCompareNumerically() {
    assertTrue(AnswerCheck.same(dec("1.50"), dec("1.5")));
    assertFalse(AnswerCheck.same(dec("1.50"), dec("1.51")));
  }

  @Test void integersStringsAndDatesAreExact() {
    assertFalse(AnswerCheck.same(dec("100000000000000001"), dec("100000000000000000")));
    assertFalse(AnswerCheck.same("abc", "abc "));
    assertTrue(AnswerCheck.same(LocalDate.of(1998, 9, 2), LocalDate.of(1998, 9, 2)));
    assertFalse(AnswerCheck.same(LocalDate.of(1998, 9, 2), LocalDate.of(1998, 9, 3)));
  }

  @Test void doublesWithinRelativeOneInAMillion() {
    assertTrue(AnswerCheck.same(1_000_000.0, 1_000_000.9));
    assertFalse(AnswerCheck.same(1_000_000.0, 1_000_002.0));
    assertTrue(AnswerCheck.same(Double.NaN, Double.NaN));
  }

  @Test void decimalMatchesTheDoubleItRoundsOrIsRelativelyClose() {
    // avg(l_quantity): DuckDB 25.522005853257337 (DOUBLE), Ember 25.52 (DECIMAL scale 2).
    assertTrue(AnswerCheck.same(dec("25.52"), 25.522005853257337));
    assertTrue(AnswerCheck.same(25.522005853257337, dec("25.52")));
    assertFalse(AnswerCheck.same(dec("25.51"), 25.522005853257337));
    assertTrue(AnswerCheck.same(dec("38273129.734619"), 38273129.73462));
  }

  @Test void nullsOnlyMatchNulls() {
    assertTrue(AnswerCheck.same(null, null));
    assertFalse(AnswerCheck.same(null, dec("0")));
  }

  @Test void sameRowsSameOrderAgreeWithoutNote() {
    AnswerCheck.Verdict v = AnswerCheck.check(answer(List.of("x", dec("1"))), answer(List.of("x", dec("1.0"))));
    assertTrue(v.agrees());
    assertEquals("", v.note());
  }

  @Test void sameRowsInAnotherOrderAgreeWithNote() {
    AnswerCheck.Verdict v = AnswerCheck.check(
        answer(List.of("x", dec("1")), List.of("y", dec("2"))),
        answer(List.of("y", dec("2")), List.of("x", dec("1"))));
    assertTrue(v.agrees());
    assertFalse(v.note().isEmpty());
  }

  @Test void differentRowCountOrValueDisagrees() {
    assertFalse(AnswerCheck.check(answer(List.of("x", dec("1"))), answer()).agrees());
    AnswerCheck.Verdict v = AnswerCheck.check(answer(List.of("x", dec("1"))), answer(List.of("x", dec("2"))));
    assertFalse(v.agrees());
    assertTrue(v.note().contains("row 0"), v.note());
  }
}
