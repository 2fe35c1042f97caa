package dev.ember.codegen.expr;

import static dev.ember.codegen.expr.Types.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Call.Fn;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.eval.Interpreter;
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every built-in function, in the argument types the front end produces: interpreted vs generated. */
class FunctionEquivalenceTest {
  private static final DataType V = DataType.VARCHAR, I = DataType.INT, L = DataType.BIGINT, D = DataType.DOUBLE,
      B = DataType.BOOLEAN, DATE = DataType.DATE, TS = DataType.TIMESTAMP;

  /** Calls per function; built so that the coverage test can insist every Fn is here. */
  static Map<Fn, List<Expr>> calls() {
    Map<Fn, List<Expr>> m = new EnumMap<>(Fn.class);
    Expr s0 = col(0, V), s1 = col(1, V), s2 = col(2, V);
    add(m, Call.of(Fn.LIKE, B, s0, s1), Call.of(Fn.LIKE, B, s0, Literal.ofString("a%")),
        Call.of(Fn.LIKE, B, s0, Literal.ofString("%b%")), Call.of(Fn.LIKE, B, s0, Literal.ofString("_ñ%")),
        Call.of(Fn.LIKE, B, s0, Literal.ofString("%a")), Call.of(Fn.LIKE, B, s0, Literal.ofString("a\\%%"), Literal.ofString("\\")),
        Call.of(Fn.LIKE, B, s0, s1, s2), Call.of(Fn.LIKE, B, s0, Literal.ofString("a#"), Literal.ofString("#")));
    add(m, Call.of(Fn.ILIKE, B, s0, s1), Call.of(Fn.ILIKE, B, s0, Literal.ofString("A%")),
        Call.of(Fn.ILIKE, B, s0, Literal.ofString("%ÑANDÚ")));
    add(m, Call.of(Fn.SUBSTRING, V, s0, col(1, I)), Call.of(Fn.SUBSTRING, V, s0, col(1, I), col(2, I)),
        Call.of(Fn.SUBSTRING, V, s0, col(1, L), col(2, L)), Call.of(Fn.SUBSTRING, V, s0, Literal.ofInt(2), Literal.ofInt(3)));
    add(m, Call.of(Fn.UPPER, V, s0));
    add(m, Call.of(Fn.LOWER, V, s0));
    add(m, Call.of(Fn.TRIM, V, s0), Call.of(Fn.TRIM, V, s0, s1), Call.of(Fn.TRIM, V, s0, Literal.ofString("a ")));
    add(m, Call.of(Fn.LTRIM, V, s0), Call.of(Fn.LTRIM, V, s0, s1));
    add(m, Call.of(Fn.RTRIM, V, s0), Call.of(Fn.RTRIM, V, s0, s1));
    add(m, Call.of(Fn.CHAR_LENGTH, I, s0), Call.of(Fn.CHAR_LENGTH, L, s0));
    add(m, Call.of(Fn.CONCAT, V, s0, s1), Call.of(Fn.CONCAT, V, s0, s1, s2),
        Call.of(Fn.CONCAT, DataType.VARBINARY, col(0, DataType.VARBINARY), col(1, DataType.VARBINARY)));
    add(m, Call.of(Fn.REPLACE, V, s0, s1, s2), Call.of(Fn.REPLACE, V, s0, Literal.ofString("a"), Literal.ofString("ñ")));
    add(m, Call.of(Fn.POSITION, I, s1, s0), Call.of(Fn.POSITION, L, Literal.ofString("b"), s0));
    add(m, Call.of(Fn.LPAD, V, s0, col(1, I)), Call.of(Fn.LPAD, V, s0, col(1, I), s2),
        Call.of(Fn.LPAD, V, s0, Literal.ofInt(6), Literal.ofString("日x")));
    add(m, Call.of(Fn.RPAD, V, s0, col(1, I)), Call.of(Fn.RPAD, V, s0, col(1, L), s2));
    add(m, Call.of(Fn.SPLIT_PART, V, s0, s1, col(2, I)), Call.of(Fn.SPLIT_PART, V, s0, Literal.ofString(","), col(2, I)));
    add(m, Call.of(Fn.STARTS_WITH, B, s0, s1), Call.of(Fn.STARTS_WITH, B, s0, Literal.ofString("a")));
    add(m, Call.of(Fn.ENDS_WITH, B, s0, s1));
    add(m, Call.of(Fn.CONTAINS, B, s0, s1));
    add(m, Call.of(Fn.REGEXP_LIKE, B, s0, s1), Call.of(Fn.REGEXP_LIKE, B, s0, Literal.ofString("^a.*c$")),
        Call.of(Fn.REGEXP_LIKE, B, s0, Literal.ofString("AB"), Literal.ofString("i")),
        Call.of(Fn.REGEXP_LIKE, B, s0, Literal.ofString("[")));
    add(m, Call.of(Fn.REGEXP_REPLACE, V, s0, s1, s2),
        Call.of(Fn.REGEXP_REPLACE, V, s0, Literal.ofString("(b)"), Literal.ofString("<\\1>")),
        Call.of(Fn.REGEXP_REPLACE, V, s0, Literal.ofString("a"), Literal.ofString("$"), Literal.ofString("g")),
        Call.of(Fn.REGEXP_REPLACE, V, s0, Literal.ofString("a"), Literal.ofString("\\2")));
    for (Fn f : List.of(Fn.EXTRACT_YEAR, Fn.EXTRACT_QUARTER, Fn.EXTRACT_MONTH, Fn.EXTRACT_DAY,
        Fn.EXTRACT_DAY_OF_WEEK, Fn.EXTRACT_DAY_OF_YEAR, Fn.EXTRACT_HOUR, Fn.EXTRACT_MINUTE)) {
      add(m, Call.of(f, L, col(0, DATE)), Call.of(f, I, col(0, TS)), Call.of(f, L, col(0, DataType.TIMESTAMP_TZ)));
    }
    add(m, Call.of(Fn.EXTRACT_SECOND, L, col(0, TS)), Call.of(Fn.EXTRACT_SECOND, DataType.decimal(8, 6), col(0, TS)),
        Call.of(Fn.EXTRACT_SECOND, D, col(0, TS)), Call.of(Fn.EXTRACT_SECOND, I, col(0, DATE)));
    add(m, Call.of(Fn.DATE_TRUNC, TS, Literal.ofString("month"), col(0, TS)),
        Call.of(Fn.DATE_TRUNC, TS, Literal.ofString("week"), col(0, DATE)),
        Call.of(Fn.DATE_TRUNC, DATE, Literal.ofString("quarter"), col(0, DATE)),
        Call.of(Fn.DATE_TRUNC, TS, Literal.ofString("hour"), col(0, TS)),
        Call.of(Fn.DATE_TRUNC, TS, Literal.ofString("fortnight"), col(0, TS)),
        Call.of(Fn.DATE_TRUNC, TS, col(0, V), col(1, TS)));
    add(m, Call.of(Fn.DATE_ADD, DATE, col(0, DATE), col(1, I)), Call.of(Fn.DATE_ADD, DATE, col(0, DATE), col(1, L)));
    add(m, Call.of(Fn.DATEDIFF, I, col(0, DATE), col(1, DATE)), Call.of(Fn.DATEDIFF, L, col(0, TS), col(1, TS)));
    add(m, Call.of(Fn.CURRENT_DATE, DATE));
    add(m, Call.of(Fn.CURRENT_TIMESTAMP, DataType.TIMESTAMP_TZ), Call.of(Fn.CURRENT_TIMESTAMP, TS));
    List<DataType> numeric = new ArrayList<>(Types.INTEGRAL);
    numeric.addAll(Types.FLOATING);
    numeric.addAll(List.of(DataType.decimal(5, 2), DataType.decimal(18, 4), DataType.decimal(38, 10)));
    for (DataType t : numeric) {
      add(m, Call.of(Fn.ABS, t, col(0, t)));
      add(m, Call.of(Fn.SIGN, t.isDecimal() ? I : t, col(0, t)));
      add(m, Call.of(Fn.ROUND, t, col(0, t)), Call.of(Fn.ROUND, t, col(0, t), col(1, I)));
      DataType integralPart = t.isDecimal() ? DataType.decimal(Math.min(38, t.precision() - t.scale() + 1), 0) : t;
      add(m, Call.of(Fn.FLOOR, integralPart, col(0, t)));
      add(m, Call.of(Fn.CEIL, integralPart, col(0, t)));
      add(m, Call.of(Fn.SQRT, D, col(0, t)), Call.of(Fn.LN, D, col(0, t)), Call.of(Fn.LOG10, D, col(0, t)),
          Call.of(Fn.EXP, D, col(0, t)), Call.of(Fn.POWER, D, col(0, t), col(1, t)));
    }
    add(m, Call.of(Fn.ROUND, DataType.decimal(6, 1), col(0, DataType.decimal(5, 2)), Literal.ofInt(1)),
        Call.of(Fn.ROUND, D, col(0, DataType.decimal(18, 4)), col(1, I)),
        Call.of(Fn.FLOOR, L, col(0, D)), Call.of(Fn.CEIL, L, col(0, DataType.decimal(38, 10))));
    add(m, Call.of(Fn.COALESCE, I, col(0, I), col(1, I)));
    add(m, Call.of(Fn.NULLIF, V, s0, s1));
    add(m, Call.of(Fn.GREATEST, V, s0, s1, s2));
    add(m, Call.of(Fn.LEAST, D, col(0, D), col(1, D)));
    DataType ai = DataType.array(I), av = DataType.array(V), aai = DataType.array(ai);
    add(m, Call.of(Fn.ARRAY_SIZE, I, col(0, ai)), Call.of(Fn.ARRAY_SIZE, L, col(0, av)));
    add(m, Call.of(Fn.ARRAY_CONTAINS, B, col(0, ai), col(1, I)), Call.of(Fn.ARRAY_CONTAINS, B, col(0, av), Literal.ofString("a")),
        Call.of(Fn.ARRAY_CONTAINS, B, col(0, aai), col(1, ai)));
    add(m, Call.of(Fn.ELEMENT_AT, I, col(0, ai), col(1, I)), Call.of(Fn.ELEMENT_AT, V, col(0, av), Literal.ofInt(-1)),
        Call.of(Fn.ELEMENT_AT, V, col(0, av), Literal.ofInt(1)), Call.of(Fn.ELEMENT_AT, ai, col(0, aai), Literal.ofInt(2)));
    add(m, Call.of(Fn.SCALAR_SUBQUERY_CHECK, V, Literal.ofLong(1), s0),
        Call.of(Fn.SCALAR_SUBQUERY_CHECK, L, Literal.ofLong(0), col(0, L)),
        // A NULL count: an outer join's padding (no group met), which passes.
        Call.of(Fn.SCALAR_SUBQUERY_CHECK, L, Literal.nullOf(L), col(0, L)));
    return m;
  }

  private static void add(Map<Fn, List<Expr>> m, Call... cs) {
    for (Call c : cs) m.computeIfAbsent(c.fn(), k -> new ArrayList<>()).add(c);
  }

  @TestFactory Stream<DynamicTest> everyFunction() {
    return calls().values().stream().flatMap(List::stream)
        .map(e -> dynamicTest(e.display() + " : " + e.dataType(), () -> Equivalence.check(e)));
  }

  @Test void everyFunctionIsCoveredHere() {
    Set<Fn> missing = EnumSet.allOf(Fn.class);
    missing.removeAll(calls().keySet());
    missing.remove(Fn.RANDOM); // not deterministic: checked separately below
    assertEquals(Set.of(), missing);
  }

  /** A scalar subquery's second row is SQLSTATE 21000 on both paths. */
  @Test void scalarSubqueryCheckRaisesOnBothPaths() {
    Expr e = Call.of(Fn.SCALAR_SUBQUERY_CHECK, L, Literal.ofLong(2), Literal.ofLong(7));
    RowExpression compiled = RowExpressionCompiler.compile(e, Equivalence.CLOCK);
    for (org.junit.jupiter.api.function.Executable run : List.<org.junit.jupiter.api.function.Executable>of(
        () -> Interpreter.eval(e, new Object[0]), () -> compiled.eval(new Object[0]))) {
      dev.ember.catalyst.errors.EmberException x = org.junit.jupiter.api.Assertions.assertThrows(
          dev.ember.catalyst.errors.EmberException.class, run);
      assertEquals("21000", x.sqlState());
    }
  }

  @Test void randomIsInTheUnitIntervalOnBothPaths() {
    Expr e = Call.of(Fn.RANDOM, D);
    RowExpression compiled = RowExpressionCompiler.compile(e, Equivalence.CLOCK);
    for (int i = 0; i < 100; i++) {
      double a = (Double) Interpreter.eval(e, new Object[0]), b = (Double) compiled.eval(new Object[0]);
      assertTrue(a >= 0 && a < 1 && b >= 0 && b < 1);
    }
  }
}
