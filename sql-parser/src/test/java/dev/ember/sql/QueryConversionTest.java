package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Representative queries and the plans they convert to. */
class QueryConversionTest {
  private static void assertPlan(String sql, String expected) {
    assertEquals(expected, Tests.plan(sql));
  }

  @Test void filterWithInListAndImplicitCasts() {
    assertPlan("SELECT a, b FROM t WHERE a = b AND c IN ('x', 'y', 'z') AND e > 1", """
        Project [a, b]
          Filter [(((CAST(a AS BIGINT) = b) AND c IN ('x', 'y', 'z')) AND (e > 1.00))]
            Scan t [a, b, c, d, e, f, g, ts]
        """);
  }

  @Test void unnamedItemsAreNamedByTheirText() {
    Query q = Tests.query("SELECT a + 1, upper(c) AS up, count(*), COUNT( DISTINCT\n b ) FROM t GROUP BY a + 1, upper(c)");
    assertEquals(List.of("a + 1", "up", "count(*)", "COUNT( DISTINCT b )"), q.columnNames());
    assertEquals("""
        Aggregate [a + 1, up] [count(*) AS count(*), count(DISTINCT b) AS COUNT( DISTINCT b )]
          Project [(a + 1) AS a + 1, upper(c) AS up, b]
            Scan t [a, b, c, d, e, f, g, ts]
        """, q.plan().treeString());
  }

  @Test void repeatedAndStarColumnsKeepTheirNames() {
    assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "ts", "a", "x"),
        Tests.query("SELECT * FROM t CROSS JOIN u").columnNames());
    assertEquals(List.of("a", "a", "a"), Tests.query("SELECT t.a, u.a, t.a AS a FROM t, u").columnNames());
    assertEquals(List.of("A", "a", "My Col"), Tests.query("SELECT A, \"a\", a AS \"My Col\" FROM t").columnNames());
    assertEquals(List.of("col1", "col2"), Tests.query("VALUES (1, 'a'), (2, 'bc')").columnNames());
  }

  @Test void aggregatesWithDistinctAndFilter() {
    assertPlan("SELECT count(DISTINCT a) AS n, sum(b) FILTER (WHERE g) AS s, avg(e) AS m FROM t", """
        Aggregate [] [count(DISTINCT a) AS n, sum(b) FILTER (WHERE $f2) AS s, avg(e) AS m]
          Project [a, b, (g IS TRUE) AS $f2, e]
            Scan t [a, b, c, d, e, f, g, ts]
        """);
  }

  @Test void groupByOrdinalAndAliasHaving() {
    assertPlan("SELECT a AS k, count(*) AS n FROM t GROUP BY k HAVING count(*) > 1 ORDER BY 2 DESC", """
        Sort [n DESC NULLS FIRST]
          Filter [(n > 1L)]
            Aggregate [k] [count(*) AS n]
              Project [a AS k]
                Scan t [a, b, c, d, e, f, g, ts]
        """);
    assertPlan("SELECT a FROM t GROUP BY 1 ORDER BY 1", """
        Sort [a ASC NULLS LAST]
          Aggregate [a] []
            Project [a]
              Scan t [a, b, c, d, e, f, g, ts]
        """);
  }

  @Test void joins() {
    assertPlan("SELECT t.a, u.x FROM t RIGHT JOIN u ON t.a = u.a AND t.b > 0", """
        Project [a, x]
          Join RightOuter [((a = a) AND (b > 0L))]
            Scan t [a, b, c, d, e, f, g, ts]
            Scan u [a, x]
        """);
    assertPlan("SELECT * FROM t FULL JOIN u USING (a)", """
        Project [coalesce(a, a) AS a, b, c, d, e, f, g, ts, x]
          Join FullOuter [(a = a)]
            Scan t [a, b, c, d, e, f, g, ts]
            Scan u [a, x]
        """);
    Query q = Tests.query("SELECT t.a, u.a FROM t LEFT JOIN u ON t.a = u.a");
    Join join = (Join) q.plan().collect(n -> n instanceof Join j ? j : null).get(0);
    long left = join.left().output().get(0).id();
    long right = join.right().output().get(0).id();
    assertNotEquals(left, right);
    Project top = (Project) q.plan();
    assertEquals(left, ((AttributeRef) top.projections().get(0)).id());
    assertEquals(right, ((AttributeRef) Exprs.unalias((Expr) top.projections().get(1))).id());
    assertEquals(List.of("a", "a"), q.columnNames());
  }

  @Test void groupByPrefersTheLocalAliasToAnOuterColumn() {
    // Calcite alone would bind the inner "GROUP BY k" to the outer o.k (TPC-H Q15 as DuckDB writes it).
    assertPlan("SELECT * FROM (SELECT a AS k FROM t) o "
        + "WHERE k = (SELECT max(n) FROM (SELECT a AS k, count(*) AS n FROM u GROUP BY k) q)", """
        Project [k]
          Project [k]
            Filter [(CAST(k AS BIGINT) = EXPR$0)]
              Join LeftOuter
                Project [a AS k]
                  Scan t [a, b, c, d, e, f, g, ts]
                Aggregate [] [max(n) AS EXPR$0]
                  Project [n]
                    Aggregate [k] [count(*) AS n]
                      Project [a AS k]
                        Scan u [a, x]
        """);
  }

  @Test void castsOfDateStringsAreDateLiterals() {
    assertPlan("SELECT a FROM t WHERE d >= CAST('1996-01-01' AS date)", """
        Project [a]
          Filter [(d >= DATE '1996-01-01')]
            Scan t [a, b, c, d, e, f, g, ts]
        """);
  }

  @Test void bangEqualsIsNotEquals() {
    assertPlan("SELECT a FROM t WHERE a != 1 AND c <> 'x'", """
        Project [a]
          Filter [((a <> 1) AND (c <> 'x'))]
            Scan t [a, b, c, d, e, f, g, ts]
        """);
  }

  @Test void sortLimitOffset() {
    assertPlan("SELECT a FROM t ORDER BY b DESC NULLS LAST, c LIMIT 5 OFFSET 10", """
        Project [a]
          Limit [5 OFFSET 10]
            Sort [b DESC NULLS LAST, c ASC NULLS LAST]
              Project [a, b, c]
                Scan t [a, b, c, d, e, f, g, ts]
        """);
    assertPlan("SELECT a FROM t LIMIT 3", """
        Limit [3]
          Project [a]
            Scan t [a, b, c, d, e, f, g, ts]
        """);
  }

  @Test void unions() {
    assertPlan("SELECT a FROM t UNION SELECT a FROM u", """
        Aggregate [a] []
          Union
            Project [a]
              Scan t [a, b, c, d, e, f, g, ts]
            Project [a]
              Scan u [a, x]
        """);
    assertPlan("SELECT a, b FROM t UNION ALL SELECT a, 1 FROM u", """
        Union
          Project [a, b]
            Scan t [a, b, c, d, e, f, g, ts]
          Project [a, 1L AS EXPR$1]
            Scan u [a, x]
        """);
  }

  @Test void subqueriesAreDecorrelatedIntoJoins() {
    // EXISTS correlated by equalities: a join with the DISTINCT correlation keys.
    assertPlan("SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.a = t.a)", """
        Project [a]
          Join Inner [(a = a)]
            Scan t [a, b, c, d, e, f, g, ts]
            Project [a, true AS $f1]
              Aggregate [a] []
                Project [a]
                  Scan u [a, x]
        """);
    // [NOT] EXISTS correlated by more than equalities: a semi (anti) join; the subquery's own
    // conjuncts filter its side, the correlated ones are the join condition.
    assertPlan("SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.a = t.a AND u.x < t.b)", """
        Project [a]
          Project [a, b, c, d, e, f, g, ts]
            Project [a, b, c, d, e, f, g, ts, true AS i]
              Join LeftSemi [((a = a) AND (CAST(x AS BIGINT) < b))]
                Scan t [a, b, c, d, e, f, g, ts]
                Scan u [a, x]
        """);
    assertPlan("SELECT a FROM t WHERE b > 1 AND NOT EXISTS (SELECT * FROM u WHERE u.a = t.a AND u.x <> t.b AND u.x > 3)", """
        Project [a]
          Project [a, b, c, d, e, f, g, ts]
            Project [a, b, c, d, e, f, g, ts, NULL AS i]
              Join LeftAnti [((a = a) AND (CAST(x AS BIGINT) <> b))]
                Filter [(b > 1L)]
                  Scan t [a, b, c, d, e, f, g, ts]
                Filter [(CAST(x AS INT) > 3)]
                  Scan u [a, x]
        """);
    // NOT EXISTS whose indicator is read beyond "IS NULL" (here in an OR) stays with the decorrelator.
    assertPlan("SELECT a FROM t WHERE b > 1 OR NOT EXISTS (SELECT * FROM u WHERE u.a = t.a)", """
        Project [a]
          Filter [((b > 1L) OR ($f1 IS NULL))]
            Join LeftOuter [(a = a)]
              Scan t [a, b, c, d, e, f, g, ts]
              Project [a, true AS $f1]
                Aggregate [a] []
                  Project [a]
                    Scan u [a, x]
        """);
    assertPlan("SELECT a, (SELECT max(x) FROM u WHERE u.a = t.a) AS mx FROM t", """
        Project [a, EXPR$0 AS mx]
          Join LeftOuter [(a = a)]
            Scan t [a, b, c, d, e, f, g, ts]
            Aggregate [a] [max(x) AS EXPR$0]
              Project [a, x]
                Scan u [a, x]
        """);
    // NOT IN keeps its NULL semantics: no row passes when the subquery has a NULL.
    assertPlan("SELECT a FROM t WHERE a NOT IN (SELECT a FROM u)", """
        Project [a]
          Project [a, b, c, d, e, f, g, ts]
            Filter [((c = 0L) OR (((i IS NULL) AND (ck >= c)) AND (a IS NOT NULL)))]
              Join LeftOuter [(a = a)]
                Join Inner
                  Scan t [a, b, c, d, e, f, g, ts]
                  Project [c, c AS ck]
                    Aggregate [] [count(*) AS c]
                      Scan u [a, x]
                Project [a, true AS i]
                  Aggregate [a] []
                    Project [a]
                      Scan u [a, x]
        """);
  }

  @Test void scalarFunctions() {
    assertPlan("SELECT extract(month FROM d) m, year(d) y, substring(c FROM 2 FOR 3) s, trim(c) t1, "
        + "trim(leading from c) t2, char_length(c) n, length(c) n2, c || 'x' cat, position('a' IN c) p, "
        + "replace(c, 'a', 'b') r, lpad(c, 5, '*') lp FROM t", """
        Project [extract_month(d) AS m, extract_year(d) AS y, substring(c, 2, 3) AS s, trim(c) AS t1, ltrim(c) AS t2, \
        char_length(c) AS n, char_length(c) AS n2, concat(c, 'x') AS cat, position('a', c) AS p, \
        replace(c, 'a', 'b') AS r, lpad(c, 5, '*') AS lp]
          Scan t [a, b, c, d, e, f, g, ts]
        """);
    assertPlan("SELECT date_trunc('month', d) m, date_trunc(d, YEAR) y, datediff(d, DATE '2020-01-01') dd, "
        + "date_add(d, 3) da, abs(a) ab, round(e, 1) r, power(a, 2) pw, mod(a, 3) md, "
        + "greatest(a, 3) g1, least(b, 4, a) l1 FROM t", """
        Project [date_trunc('month', d) AS m, date_trunc('YEAR', d) AS y, datediff(d, DATE '2020-01-01') AS dd, \
        date_add(d, 3) AS da, abs(a) AS ab, round(e, 1) AS r, power(CAST(a AS DOUBLE), 2.0) AS pw, (a % 3) AS md, \
        greatest(a, 3) AS g1, least(b, 4L, CAST(a AS BIGINT)) AS l1]
          Scan t [a, b, c, d, e, f, g, ts]
        """);
    assertPlan("SELECT c LIKE 'a%' l1, c NOT LIKE 'b%' l2, c ILIKE 'A%' l3, c NOT ILIKE 'x' l4 FROM t", """
        Project [like(c, 'a%') AS l1, NOT like(c, 'b%') AS l2, ilike(c, 'A%') AS l3, NOT ilike(c, 'x') AS l4]
          Scan t [a, b, c, d, e, f, g, ts]
        """);
  }

  @Test void greatestAndLeastStayCallsSoNullArgumentsAreSkipped() {
    Project p = (Project) Tests.query("SELECT greatest(a, 3) FROM t").plan();
    Call c = assertInstanceOf(Call.class, ((dev.ember.catalyst.expr.Alias) p.projections().get(0)).child());
    assertEquals(Call.Fn.GREATEST, c.fn());
  }

  @Test void inListOfLiteralsIsAnInList() {
    Filter f = (Filter) ((Project) Tests.query("SELECT a FROM t WHERE a IN (1, 2, 3)").plan()).child();
    InList in = assertInstanceOf(InList.class, f.condition());
    assertEquals(3, in.list().size());
  }

  @Test void datetimeArithmetic() {
    assertPlan("SELECT a FROM t WHERE d + INTERVAL '1' DAY > DATE '2020-01-01' AND d - INTERVAL '2' MONTH < d", """
        Project [a]
          Filter [(((d + INTERVAL '86400000000' MICROSECOND) > DATE '2020-01-01') AND ((d - INTERVAL '2' MONTH) < d))]
            Scan t [a, b, c, d, e, f, g, ts]
        """);
  }

  @Test void nestedSchemasAreCaseInsensitive() {
    Query q = Tests.query("SELECT L_ORDERKEY FROM TPCH.Tiny.LineItem WHERE l_quantity > 1");
    assertEquals(List.of("L_ORDERKEY"), q.columnNames());
    Scan scan = (Scan) q.plan().collect(n -> n instanceof Scan s ? s : null).get(0);
    assertEquals("tpch.tiny.lineitem", scan.table().name());
  }

  @Test void softKeywordsCanBeNames() {
    TestCatalog catalog = TestCatalog.standard().add(List.of("m"), new TestTable("m", Schema.of(
        new Field("date", DataType.DATE, true), new Field("value", DataType.INT, true))));
    Query q = Tests.query(new SqlFrontEnd(catalog),
        "SELECT date, m.value, sum(value) AS value, year(date) AS year FROM m GROUP BY date, m.value ORDER BY 1");
    assertEquals(List.of("date", "value", "value", "year"), q.columnNames());
    Tests.query(new SqlFrontEnd(catalog), "SELECT CAST(value AS VARCHAR) AS d, DATE '2020-01-01' AS x FROM m");
  }

  @Test void intervalUnitsAndMatchRecognizeWordsAreNamesWhereNoUnitStands() {
    TestCatalog catalog = TestCatalog.standard().add(List.of("m"), new TestTable("m", Schema.of(
        new Field("date", DataType.DATE, true), new Field("value", DataType.INT, true))));
    SqlFrontEnd fe = new SqlFrontEnd(catalog);
    Query q = Tests.query(fe, "SELECT year, initial, count FROM (SELECT year(date) AS year, value initial,"
        + " count(*) AS count FROM m GROUP BY year(date), value) x WHERE year > 2000 GROUP BY year, initial, count"
        + " ORDER BY year, x.initial");
    assertEquals(List.of("year", "initial", "count"), q.columnNames());
    // Where a unit stands it stays one: interval literals, EXTRACT, DATE_TRUNC.
    Query units = Tests.query(fe, "SELECT extract(year FROM date) AS day, date + INTERVAL '1' MONTH AS month,"
        + " date - INTERVAL '2' DAY AS hour, date_trunc(date, YEAR) AS minute FROM m");
    assertEquals(List.of("day", "month", "hour", "minute"), units.columnNames());
    assertTrue(units.plan().treeString().contains("extract_year(date)"), units.plan().treeString());
  }

  @Test void viewsExpandWithFreshAttributesAtEveryReference() {
    TestCatalog catalog = TestCatalog.standard().addView("big", "SELECT a AS k, e FROM t WHERE e > 10",
        Schema.of(new Field("k", DataType.INT, true), new Field("e", DataType.decimal(10, 2), true)));
    Query q = Tests.query(new SqlFrontEnd(catalog), "SELECT x.k, y.e FROM big x JOIN big y ON x.k = y.k");
    assertEquals("""
        Project [k, e]
          Join Inner [(k = k)]
            Project [a AS k, e]
              Filter [(e > 10.00)]
                Scan t [a, b, c, d, e, f, g, ts]
            Project [a AS k, e]
              Filter [(e > 10.00)]
                Scan t [a, b, c, d, e, f, g, ts]
        """, q.plan().treeString());
    List<Scan> scans = q.plan().collect(n -> n instanceof Scan s ? s : null);
    assertNotEquals(scans.get(0).output().get(0).id(), scans.get(1).output().get(0).id());
  }

  @Test void viewsAreShapedToTheirSchema() {
    // The view was created when t.a was an INT; its schema says BIGINT now, so a cast is added.
    TestCatalog catalog = TestCatalog.standard().addView("v", "SELECT a FROM t",
        Schema.of(new Field("a", DataType.BIGINT, true)));
    LogicalPlan plan = Tests.query(new SqlFrontEnd(catalog), "SELECT a FROM v").plan();
    assertEquals(DataType.BIGINT, plan.output().get(0).type());
  }
}
