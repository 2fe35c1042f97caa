package dev.ember.codegen.expr.oracle;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BinaryOp.Op;
import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Call.Fn;
import dev.ember.catalyst.expr.CaseWhen;
import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.DecimalRules;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.expr.eval.Casts;
import dev.ember.catalyst.expr.eval.Interpreter;
import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.catalyst.types.DataType;
import dev.ember.codegen.expr.RowExpression;
import dev.ember.codegen.expr.RowExpressionCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Ember's expression semantics against DuckDB where the two agree: each case is an Ember
 * expression and the same computation in DuckDB's SQL ({@code $0}, {@code $1}… stand for the
 * inputs), evaluated on seeded inputs. Results are compared as DuckDB's VARCHAR text against
 * Ember's own cast to VARCHAR, so the text forms are checked too; when one side fails the other
 * must fail as well.
 */
class DuckDbOracleTest {
  private static final DataType I = DataType.INT, L = DataType.BIGINT, V = DataType.VARCHAR, B = DataType.BOOLEAN,
      D = DataType.DOUBLE, DATE = DataType.DATE, TS = DataType.TIMESTAMP;
  private static final int ROWS = 80;
  private static final QueryClock CLOCK = QueryClock.now();
  private static DuckDb duck;

  private record Case(Expr expr, String duckSql, List<DataType> inputs) {}

  @BeforeAll static void open() throws Exception { duck = new DuckDb(); }

  @AfterAll static void close() throws Exception { duck.close(); }

  private static Expr in(int i, DataType t) { return new BoundRef(i, t, true); }

  private static Case c(Expr e, String duckSql, DataType... inputs) { return new Case(e, duckSql, List.of(inputs)); }

  private static Expr bin(Op op, DataType a, DataType b, DataType r) { return new BinaryOp(op, in(0, a), in(1, b), r); }

  private static Expr call(Fn fn, DataType r, Expr... args) { return Call.of(fn, r, args); }

  private Stream<DynamicTest> run(List<Case> cases) {
    return cases.stream().map(k -> dynamicTest(k.expr.display() + "  ~  " + k.duckSql, () -> check(k)));
  }

  private static void check(Case k) {
    RowExpression compiled = RowExpressionCompiler.compile(k.expr, CLOCK);
    OracleValues values = new OracleValues(k.duckSql.hashCode());
    int agreedValues = 0;
    for (int r = 0; r < ROWS; r++) {
      Object[] row = new Object[k.inputs.size()];
      String sql = k.duckSql;
      for (int i = row.length - 1; i >= 0; i--) {
        row[i] = values.next(k.inputs.get(i));
        sql = sql.replace("$" + i, DuckDb.literal(row[i], k.inputs.get(i)));
      }
      DuckDb.Answer expected = duck.eval(sql);
      String interpreted = ember(() -> Interpreter.eval(k.expr, row, CLOCK), k.expr.dataType());
      String generated = ember(() -> compiled.eval(row), k.expr.dataType());
      String where = sql + " with Ember " + k.expr.display();
      if (!java.util.Objects.equals(interpreted, generated)) {
        throw new AssertionError("interpreted " + interpreted + " but generated " + generated + ": " + where);
      }
      if (expected.error() != null) {
        if (!interpreted.startsWith("ERROR")) {
          throw new AssertionError("DuckDB failed (" + expected.error() + ") but Ember gave " + interpreted + ": " + where);
        }
      } else if (!java.util.Objects.equals(expected.value() == null ? "NULL" : "'" + expected.value() + "'", interpreted)) {
        throw new AssertionError("DuckDB gave " + expected.value() + " but Ember " + interpreted + ": " + where);
      } else if (expected.value() != null) {
        agreedValues++;
      }
    }
    if (agreedValues < 3) throw new AssertionError("too few non-null agreements (" + agreedValues + ") for " + k.duckSql);
  }

  /** Ember's answer as text: {@code 'value'}, {@code NULL} or {@code ERROR sqlstate}. */
  private static String ember(java.util.function.Supplier<Object> f, DataType t) {
    try {
      Object v = f.get();
      return v == null ? "NULL" : "'" + Casts.cast(v, t, V) + "'";
    } catch (EmberException e) {
      return "ERROR " + e.sqlState() + " " + e.getMessage();
    }
  }

  @TestFactory Stream<DynamicTest> decimalArithmetic() {
    List<Case> out = new ArrayList<>();
    DataType[][] pairs = {{DataType.decimal(5, 2), DataType.decimal(10, 0)}, {DataType.decimal(12, 4), DataType.decimal(7, 3)},
        {DataType.decimal(18, 6), DataType.decimal(18, 2)}, {DataType.decimal(25, 5), DataType.decimal(10, 3)},
        {DataType.decimal(15, 2), DataType.decimal(15, 2)}};
    for (DataType[] p : pairs) {
      DataType a = p[0], b = p[1];
      DataType add = DecimalRules.add(a, b), mul = DecimalRules.multiply(a, b), mod = DecimalRules.modulo(a, b);
      // DuckDB multiplies DECIMAL(18) operands in 64 bits: widen them so it does not overflow first.
      String wide = "CAST(CAST($0 AS DECIMAL(38," + a.scale() + ")) * CAST($1 AS DECIMAL(38," + b.scale() + ")) AS ";
      out.add(c(bin(Op.ADD, a, b, add), "CAST($0 + $1 AS " + add.sql() + ")", a, b));
      out.add(c(bin(Op.SUBTRACT, a, b, add), "CAST($0 - $1 AS " + add.sql() + ")", a, b));
      if (mul.precision() <= 38 && a.precision() + b.precision() <= 38) {
        out.add(c(bin(Op.MULTIPLY, a, b, mul), wide + mul.sql() + ")", a, b));
      }
      out.add(c(bin(Op.MODULO, a, b, mod), "CAST($0 % $1 AS " + mod.sql() + ")", a, b));
      out.add(c(call(Fn.ROUND, DataType.decimal(a.precision(), 1), in(0, a), Literal.ofInt(1)), "round($0, 1)", a));
      out.add(c(call(Fn.FLOOR, DataType.decimal(a.precision() - a.scale() + 1, 0), in(0, a)), "floor($0)", a));
      out.add(c(call(Fn.CEIL, DataType.decimal(a.precision() - a.scale() + 1, 0), in(0, a)), "ceil($0)", a));
      out.add(c(call(Fn.ABS, a, in(0, a)), "abs($0)", a));
    }
    return run(out);
  }

  @TestFactory Stream<DynamicTest> integerArithmetic() {
    List<Case> out = new ArrayList<>();
    for (DataType t : List.of(I, L)) {
      out.add(c(bin(Op.ADD, t, t, t), "$0 + $1", t, t));
      out.add(c(bin(Op.SUBTRACT, t, t, t), "$0 - $1", t, t));
      out.add(c(bin(Op.MULTIPLY, t, t, t), "$0 * $1", t, t));
      out.add(c(bin(Op.DIVIDE, t, t, t), "$0 // $1", t, t));
      out.add(c(bin(Op.MODULO, t, t, t), "$0 % $1", t, t));
      out.add(c(new UnaryOp(UnaryOp.Op.NEGATE, in(0, t), t), "-$0", t));
    }
    out.add(c(bin(Op.ADD, D, D, D), "$0 + $1", D, D));
    out.add(c(bin(Op.MULTIPLY, D, D, D), "$0 * $1", D, D));
    return run(out);
  }

  @TestFactory Stream<DynamicTest> stringFunctions() {
    Expr s = in(0, V), t = in(1, V);
    return run(List.of(
        c(call(Fn.UPPER, V, s), "upper($0)", V), c(call(Fn.LOWER, V, s), "lower($0)", V),
        c(call(Fn.SUBSTRING, V, s, Literal.ofInt(2), Literal.ofInt(3)), "substring($0, 2, 3)", V),
        c(call(Fn.SUBSTRING, V, s, Literal.ofInt(3)), "substring($0, 3)", V),
        c(call(Fn.TRIM, V, s), "trim($0)", V), c(call(Fn.LTRIM, V, s), "ltrim($0)", V), c(call(Fn.RTRIM, V, s), "rtrim($0)", V),
        c(call(Fn.CHAR_LENGTH, L, s), "length($0)", V),
        c(call(Fn.CONCAT, V, s, t), "$0 || $1", V, V),
        c(new BinaryOp(Op.CONCAT, s, t, V), "$0 || $1", V, V),
        c(call(Fn.REPLACE, V, s, Literal.ofString("a"), Literal.ofString("ñ")), "replace($0, 'a', 'ñ')", V),
        c(call(Fn.POSITION, L, Literal.ofString("a"), s), "position('a' in $0)", V),
        c(call(Fn.POSITION, L, t, s), "position($1 in $0)", V, V),
        c(call(Fn.LPAD, V, s, Literal.ofInt(6), Literal.ofString("*")), "lpad($0, 6, '*')", V),
        c(call(Fn.RPAD, V, s, Literal.ofInt(4), Literal.ofString("日")), "rpad($0, 4, '日')", V),
        c(call(Fn.SPLIT_PART, V, s, Literal.ofString(","), Literal.ofInt(2)), "split_part($0, ',', 2)", V),
        c(call(Fn.STARTS_WITH, B, s, Literal.ofString("a")), "starts_with($0, 'a')", V),
        c(call(Fn.ENDS_WITH, B, s, Literal.ofString("c")), "ends_with($0, 'c')", V),
        c(call(Fn.CONTAINS, B, s, Literal.ofString("an")), "contains($0, 'an')", V),
        c(call(Fn.REGEXP_LIKE, B, s, Literal.ofString("^[a-z]+$")), "regexp_matches($0, '^[a-z]+$')", V),
        c(call(Fn.REGEXP_REPLACE, V, s, Literal.ofString("[aeiou]"), Literal.ofString("_")), "regexp_replace($0, '[aeiou]', '_')", V),
        c(call(Fn.REGEXP_REPLACE, V, s, Literal.ofString("([a-z])"), Literal.ofString("<\\1>"), Literal.ofString("g")),
            "regexp_replace($0, '([a-z])', '<\\1>', 'g')", V),
        c(BinaryOp.predicate(Op.LT, s, t), "$0 < $1", V, V),
        c(BinaryOp.predicate(Op.EQ, s, t), "$0 = $1", V, V)));
  }

  @TestFactory Stream<DynamicTest> like() {
    Expr s = in(0, V);
    List<Case> out = new ArrayList<>();
    for (String p : List.of("a%", "%a", "%an%", "a_c", "%", "_", "abc", "%a%b%", "ab\\%c", "日%")) {
      String q = p.replace("'", "''");
      out.add(c(call(Fn.LIKE, B, s, Literal.ofString(p)), "$0 LIKE '" + q + "'", V));
      out.add(c(call(Fn.ILIKE, B, s, Literal.ofString(p)), "$0 ILIKE '" + q + "'", V));
    }
    out.add(c(call(Fn.LIKE, B, s, Literal.ofString("ab#%c"), Literal.ofString("#")), "$0 LIKE 'ab#%c' ESCAPE '#'", V));
    out.add(c(UnaryOp.not(call(Fn.LIKE, B, s, Literal.ofString("a%"))), "$0 NOT LIKE 'a%'", V));
    return run(out);
  }

  @TestFactory Stream<DynamicTest> dates() {
    List<Case> out = new ArrayList<>();
    String[][] fields = {{"EXTRACT_YEAR", "year"}, {"EXTRACT_QUARTER", "quarter"}, {"EXTRACT_MONTH", "month"},
        {"EXTRACT_DAY", "day"}, {"EXTRACT_DAY_OF_WEEK", "dow"}, {"EXTRACT_DAY_OF_YEAR", "doy"}};
    for (String[] f : fields) {
      out.add(c(call(Fn.valueOf(f[0]), L, in(0, DATE)), "extract(" + f[1] + " from $0)", DATE));
      out.add(c(call(Fn.valueOf(f[0]), L, in(0, TS)), "extract(" + f[1] + " from $0)", TS));
    }
    out.add(c(call(Fn.EXTRACT_HOUR, L, in(0, TS)), "extract(hour from $0)", TS));
    out.add(c(call(Fn.EXTRACT_MINUTE, L, in(0, TS)), "extract(minute from $0)", TS));
    out.add(c(call(Fn.EXTRACT_SECOND, L, in(0, TS)), "extract(second from $0)", TS));
    for (String unit : List.of("year", "quarter", "month", "week", "day", "hour", "minute", "second")) {
      out.add(c(call(Fn.DATE_TRUNC, TS, Literal.ofString(unit), in(0, TS)), "date_trunc('" + unit + "', $0)", TS));
    }
    out.add(c(call(Fn.DATE_TRUNC, TS, Literal.ofString("month"), in(0, DATE)), "CAST(date_trunc('month', $0) AS TIMESTAMP)", DATE));
    out.add(c(bin(Op.ADD, DATE, DataType.INTERVAL_YEAR_MONTH, DATE), "CAST($0 + $1 AS DATE)", DATE, DataType.INTERVAL_YEAR_MONTH));
    out.add(c(bin(Op.SUBTRACT, DATE, DataType.INTERVAL_YEAR_MONTH, DATE), "CAST($0 - $1 AS DATE)", DATE, DataType.INTERVAL_YEAR_MONTH));
    out.add(c(bin(Op.ADD, TS, DataType.INTERVAL_YEAR_MONTH, TS), "$0 + $1", TS, DataType.INTERVAL_YEAR_MONTH));
    out.add(c(bin(Op.SUBTRACT, DATE, DATE, I), "$0 - $1", DATE, DATE));
    out.add(c(call(Fn.DATEDIFF, I, in(0, DATE), in(1, DATE)), "date_diff('day', $1, $0)", DATE, DATE));
    out.add(c(call(Fn.DATE_ADD, DATE, in(0, DATE), in(1, I)), "$0 + CAST($1 % 1000 AS INTEGER)", DATE, I));
    out.set(out.size() - 1, c(call(Fn.DATE_ADD, DATE, in(0, DATE), new BinaryOp(Op.MODULO, in(1, I), Literal.ofInt(1000), I)),
        "$0 + CAST($1 % 1000 AS INTEGER)", DATE, I));
    return run(out);
  }

  @TestFactory Stream<DynamicTest> logicAndConditionals() {
    Expr a = in(0, B), b = in(1, B), x = in(0, I), y = in(1, I);
    return run(List.of(
        c(BinaryOp.predicate(Op.AND, a, b), "$0 AND $1", B, B), c(BinaryOp.predicate(Op.OR, a, b), "$0 OR $1", B, B),
        c(UnaryOp.not(a), "NOT $0", B),
        c(new UnaryOp(UnaryOp.Op.IS_NOT_TRUE, a, B), "$0 IS NOT TRUE", B),
        c(new UnaryOp(UnaryOp.Op.IS_FALSE, a, B), "$0 IS FALSE", B),
        c(BinaryOp.predicate(Op.EQ_NULL_SAFE, x, y), "$0 IS NOT DISTINCT FROM $1", I, I),
        c(new InList(new BinaryOp(Op.MODULO, x, Literal.ofInt(2), I), List.of(Literal.ofInt(1), y, Literal.nullOf(I))),
            "$0 % 2 IN (1, $1, NULL)", I, I),
        c(new InList(x, List.of(Literal.ofInt(1), y)), "$0 IN (1, $1)", I, I),
        c(new CaseWhen(List.of(BinaryOp.predicate(Op.GT, x, y)), List.of(x), y, I), "CASE WHEN $0 > $1 THEN $0 ELSE $1 END", I, I),
        c(call(Fn.COALESCE, I, x, y, Literal.ofInt(-1)), "coalesce($0, $1, -1)", I, I),
        c(call(Fn.NULLIF, I, x, y), "nullif($0, $1)", I, I),
        c(call(Fn.GREATEST, I, x, y), "greatest($0, $1)", I, I),
        c(call(Fn.LEAST, V, in(0, V), in(1, V)), "least($0, $1)", V, V)));
  }

  @TestFactory Stream<DynamicTest> castForms() {
    List<Case> out = new ArrayList<>();
    for (DataType t : List.of(B, DataType.TINYINT, I, L, D, DataType.FLOAT, DataType.decimal(9, 3), DataType.decimal(30, 10),
        DATE, TS, DataType.TIMESTAMP_TZ, DataType.INTERVAL_YEAR_MONTH)) {
      out.add(c(new Cast(in(0, t), V), "$0", t));
    }
    for (DataType t : List.of(I, L, D, DataType.decimal(9, 3), DATE, B)) {
      out.add(c(new Cast(in(0, V), t), "CAST($0 AS " + DuckDb.duckType(t) + ")", V));
    }
    out.add(c(new Cast(in(0, D), I), "CAST($0 AS INTEGER)", D));
    out.add(c(new Cast(in(0, DataType.decimal(9, 3)), I), "CAST($0 AS INTEGER)", DataType.decimal(9, 3)));
    out.add(c(new Cast(in(0, D), DataType.decimal(12, 2)), "CAST($0 AS DECIMAL(12,2))", D));
    out.add(c(new Cast(in(0, DataType.SMALLINT), DataType.TINYINT), "CAST($0 AS TINYINT)", DataType.SMALLINT));
    out.add(c(new Cast(in(0, TS), DATE), "CAST($0 AS DATE)", TS));
    out.add(c(new Cast(in(0, DATE), TS), "CAST($0 AS TIMESTAMP)", DATE));
    return run(out);
  }
}
