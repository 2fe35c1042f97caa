package dev.ember.catalyst.expr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BinaryOp.Op;
import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.CaseWhen;
import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterpreterTest {
  private static final Literal NULL_BOOL = Literal.nullOf(DataType.BOOLEAN);
  private static final Expr DIV_BY_ZERO = new BinaryOp(Op.DIVIDE, Literal.ofInt(1), Literal.ofInt(0), DataType.INT);

  private static Object eval(Expr e, Object... row) { return Interpreter.eval(e, row); }

  @Test void everyExpressionKindIsHandled() {
    // One dispatch point: walk the sealed hierarchy so a new node kind cannot be forgotten.
    List<Class<?>> kinds = Arrays.asList(Expr.class.getPermittedSubclasses());
    List<Expr> samples = List.of(Literal.ofInt(1), new BoundRef(0, DataType.INT, true), Alias.of(Literal.ofInt(1), "a"),
        new BinaryOp(Op.ADD, Literal.ofInt(1), Literal.ofInt(2), DataType.INT), UnaryOp.not(Literal.TRUE),
        new Cast(Literal.ofInt(1), DataType.BIGINT),
        new CaseWhen(List.of(Literal.TRUE), List.of(Literal.ofInt(1)), Literal.ofInt(2), DataType.INT),
        new InList(Literal.ofInt(1), List.of(Literal.ofInt(1))), Call.of(Call.Fn.ABS, DataType.INT, Literal.ofInt(-1)),
        AttributeRef.of("x", DataType.INT, true));
    assertEquals(kinds.size(), samples.stream().map(Object::getClass).distinct().count());
    for (Expr e : samples) {
      if (e instanceof AttributeRef) {
        IllegalStateException ex = assertThrows(IllegalStateException.class, () -> eval(e));
        assertTrue(ex.getMessage().contains("unbound"), ex.getMessage());
      } else {
        eval(e, 5);
      }
    }
  }

  @Test void threeValuedLogic() {
    Literal t = Literal.TRUE, f = Literal.FALSE;
    assertEquals(false, eval(BinaryOp.predicate(Op.AND, f, NULL_BOOL)));
    assertEquals(false, eval(BinaryOp.predicate(Op.AND, NULL_BOOL, f)));
    assertNull(eval(BinaryOp.predicate(Op.AND, t, NULL_BOOL)));
    assertEquals(true, eval(BinaryOp.predicate(Op.OR, t, NULL_BOOL)));
    assertEquals(true, eval(BinaryOp.predicate(Op.OR, NULL_BOOL, t)));
    assertNull(eval(BinaryOp.predicate(Op.OR, f, NULL_BOOL)));
    assertNull(eval(UnaryOp.not(NULL_BOOL)));
    assertEquals(true, eval(new UnaryOp(UnaryOp.Op.IS_NOT_TRUE, NULL_BOOL, DataType.BOOLEAN)));
    assertEquals(false, eval(new UnaryOp(UnaryOp.Op.IS_FALSE, NULL_BOOL, DataType.BOOLEAN)));
    assertEquals(true, eval(BinaryOp.predicate(Op.EQ_NULL_SAFE, Literal.nullOf(DataType.INT), Literal.nullOf(DataType.INT))));
    assertEquals(false, eval(BinaryOp.predicate(Op.EQ_NULL_SAFE, Literal.ofInt(1), Literal.nullOf(DataType.INT))));
  }

  @Test void shortCircuitsSkipErrors() {
    Expr failing = BinaryOp.predicate(Op.GT, DIV_BY_ZERO, Literal.ofInt(0));
    assertEquals(false, eval(BinaryOp.predicate(Op.AND, Literal.FALSE, failing)));
    assertEquals(true, eval(BinaryOp.predicate(Op.OR, Literal.TRUE, failing)));
    // A NULL operand ends a null-intolerant operator before the failing one is evaluated.
    assertNull(eval(new BinaryOp(Op.ADD, Literal.nullOf(DataType.INT), DIV_BY_ZERO, DataType.INT)));
    assertEquals(1, eval(new CaseWhen(List.of(Literal.TRUE), List.of(Literal.ofInt(1)), DIV_BY_ZERO, DataType.INT)));
    EmberException e = assertThrows(EmberException.class,
        () -> eval(BinaryOp.predicate(Op.AND, Literal.TRUE, failing)));
    assertEquals(EmberException.DIVISION_BY_ZERO, e.sqlState());
  }

  @Test void inListNullRules() {
    Expr one = Literal.ofInt(1), two = Literal.ofInt(2), nul = Literal.nullOf(DataType.INT);
    assertEquals(true, eval(new InList(one, List.of(nul, one))));
    assertNull(eval(new InList(two, List.of(one, nul))));
    assertEquals(false, eval(new InList(two, List.of(one))));
    assertNull(eval(new InList(nul, List.of(one))));
  }

  @Test void divisionByZeroIsAnErrorForEveryNumericType() {
    for (DataType t : List.of(DataType.TINYINT, DataType.INT, DataType.BIGINT, DataType.DOUBLE, DataType.FLOAT,
        DataType.decimal(5, 2), DataType.decimal(30, 2))) {
      Expr zero = new Cast(Literal.ofInt(0), t), one = new Cast(Literal.ofInt(1), t);
      DataType rt = t.isDecimal() ? dev.ember.catalyst.expr.DecimalRules.divide(t, t) : t;
      EmberException e = assertThrows(EmberException.class, () -> eval(new BinaryOp(Op.DIVIDE, one, zero, rt)), t.sql());
      assertEquals(EmberException.DIVISION_BY_ZERO, e.sqlState());
    }
  }

  @Test void overflowIsAnError() {
    Expr max = Literal.ofInt(Integer.MAX_VALUE);
    EmberException e = assertThrows(EmberException.class, () -> eval(new BinaryOp(Op.ADD, max, Literal.ofInt(1), DataType.INT)));
    assertEquals(EmberException.NUMERIC_OUT_OF_RANGE, e.sqlState());
    Expr big = Literal.ofDecimal(new BigDecimal("999.99"), DataType.decimal(5, 2));
    e = assertThrows(EmberException.class, () -> eval(new Cast(big, DataType.decimal(4, 2))));
    assertEquals(EmberException.NUMERIC_OUT_OF_RANGE, e.sqlState());
  }

  @Test void decimalDivisionRoundsHalfUpAtTheResultScale() {
    DataType d = DataType.decimal(5, 2), r = dev.ember.catalyst.expr.DecimalRules.divide(d, d);
    Expr e = new BinaryOp(Op.DIVIDE, Literal.ofDecimal(new BigDecimal("2.00"), d), Literal.ofDecimal(new BigDecimal("3.00"), d), r);
    BigDecimal expected = new BigDecimal("2").divide(new BigDecimal("3"), r.scale(), java.math.RoundingMode.HALF_UP);
    Object v = eval(e);
    BigDecimal actual = v instanceof Long l ? BigDecimal.valueOf(l, r.scale()) : (BigDecimal) v;
    assertEquals(expected, actual);
  }

  @Test void castErrorsNameTheValueAndType() {
    EmberException e = assertThrows(EmberException.class, () -> eval(new Cast(Literal.ofString("abc"), DataType.INT)));
    assertEquals(EmberException.INVALID_TEXT_REPRESENTATION, e.sqlState());
    assertTrue(e.getMessage().contains("\"abc\"") && e.getMessage().contains("INT"), e.getMessage());
  }

  @Test void evalConstantFoldsToALiteralOfTheType() {
    Expr e = new BinaryOp(Op.MULTIPLY, Literal.ofInt(6), Literal.ofInt(7), DataType.INT);
    assertEquals(Literal.ofInt(42), Interpreter.evalConstant(e));
    assertThrows(IllegalArgumentException.class, () -> Interpreter.evalConstant(new BoundRef(0, DataType.INT, true)));
    assertThrows(IllegalArgumentException.class, () -> Interpreter.evalConstant(Call.of(Call.Fn.CURRENT_DATE, DataType.DATE)));
  }

  @Test void currentDateAndTimestampComeFromTheQueryClock() {
    // 2024-06-30 23:30 UTC is already July 1st at UTC+2.
    long micros = java.time.Instant.parse("2024-06-30T23:30:00Z").getEpochSecond() * 1_000_000L;
    QueryClock clock = new QueryClock(micros, ZoneOffset.ofHours(2));
    assertEquals((int) LocalDate.of(2024, 7, 1).toEpochDay(),
        Interpreter.eval(Call.of(Call.Fn.CURRENT_DATE, DataType.DATE), new Object[0], clock));
    assertEquals(micros, Interpreter.eval(Call.of(Call.Fn.CURRENT_TIMESTAMP, DataType.TIMESTAMP_TZ), new Object[0], clock));
    assertEquals(micros + 7_200_000_000L,
        Interpreter.eval(Call.of(Call.Fn.CURRENT_TIMESTAMP, DataType.TIMESTAMP), new Object[0], clock));
  }

  @Test void textForms() {
    assertEquals(Utf8String.of("2024-01-02 03:04:05.5"), TextCasts.timestampToText(
        (LocalDate.of(2024, 1, 2).toEpochDay() * 86_400 + 3 * 3600 + 4 * 60 + 5) * 1_000_000L + 500_000));
    assertEquals("1e+20", TextCasts.formatDouble(1e20));
    assertEquals("0.1", TextCasts.formatDouble(0.1));
    assertEquals("100.0", TextCasts.formatDouble(100));
    assertEquals("1e-05", TextCasts.formatDouble(1e-5));
    assertEquals(Utf8String.of("1.50"), TextCasts.decimalToText(150, 2));
    assertEquals(Utf8String.of("0001-12-31 (BC)"), TextCasts.dateToText((int) LocalDate.of(0, 12, 31).toEpochDay()));
  }

  @Test void likeFastPathsAndEscapes() {
    assertTrue(LikeMatcher.compile(Utf8String.of("ab%"), null, false).matches(Utf8String.of("abc")));
    assertTrue(LikeMatcher.compile(Utf8String.of("%日%"), null, false).matches(Utf8String.of("x日本")));
    assertTrue(LikeMatcher.compile(Utf8String.of("a_c"), null, false).matches(Utf8String.of("añc")));
    assertTrue(LikeMatcher.compile(Utf8String.of("a#%"), Utf8String.of("#"), false).matches(Utf8String.of("a%")));
    assertTrue(!LikeMatcher.compile(Utf8String.of("a#%"), Utf8String.of("#"), false).matches(Utf8String.of("ab")));
    assertTrue(LikeMatcher.compile(Utf8String.of("A%"), null, true).matches(Utf8String.of("abc")));
    EmberException e = assertThrows(EmberException.class,
        () -> LikeMatcher.compile(Utf8String.of("a#"), Utf8String.of("#"), false));
    assertEquals(EvalErrors.INVALID_ESCAPE_SEQUENCE, e.sqlState());
  }
}
