package dev.ember.it;

import dev.ember.datasources.tpch.TpchQueries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderSpecTest {
  private static final List<String> COLS = List.of("a", "b", "revenue");

  @Test void noOrderByMeansUnordered() {
    assertEquals(OrderSpec.unordered(), OrderSpec.of("SELECT a, b, revenue FROM t;", COLS));
  }

  @Test void namesAliasesQualifiedNamesAndOrdinals() {
    assertEquals(List.of(2, 0, 1), OrderSpec.of("SELECT a, b, x AS revenue FROM t ORDER BY revenue DESC, t.a, 2", COLS).keyColumns());
  }

  @Test void directionAndNullsAreIgnored() {
    assertEquals(List.of(1, 0), OrderSpec.of("select * from t order by b desc nulls last,\n a asc;", COLS).keyColumns());
  }

  @Test void readsTheLimit() {
    OrderSpec spec = OrderSpec.of("SELECT a, b, revenue FROM t ORDER BY revenue DESC LIMIT 10;", COLS);
    assertEquals(List.of(2), spec.keyColumns());
    assertEquals(10, spec.limit());
  }

  @Test void orderByInsideASubqueryDoesNotOrderTheResult() {
    OrderSpec spec = OrderSpec.of("SELECT a, b, revenue FROM (SELECT * FROM t ORDER BY a LIMIT 5) s", COLS);
    assertEquals(List.of(), spec.keyColumns());
    assertEquals(OrderSpec.NO_LIMIT, spec.limit());
  }

  @Test void ignoresOrderByInStringsAndComments() {
    assertEquals(OrderSpec.unordered(),
        OrderSpec.of("SELECT a, 'x order by a' AS b, revenue FROM t -- order by a\n/* order by b */", COLS));
  }

  @Test void anExpressionIsRejectedLoudly() {
    assertThrows(IllegalArgumentException.class, () -> OrderSpec.of("SELECT a, b, revenue FROM t ORDER BY a + b", COLS));
  }

  @Test void tpchQueries() {
    assertEquals(List.of(0, 1), OrderSpec.of(TpchQueries.text(1), List.of("l_returnflag", "l_linestatus", "sum_qty")).keyColumns());
    OrderSpec q3 = OrderSpec.of(TpchQueries.text(3), List.of("l_orderkey", "revenue", "o_orderdate", "o_shippriority"));
    assertEquals(List.of(1, 2), q3.keyColumns());
    assertEquals(10, q3.limit());
    assertEquals(List.of(1, 0), OrderSpec.of(TpchQueries.text(13), List.of("c_count", "custdist")).keyColumns());
    assertEquals(OrderSpec.unordered(), OrderSpec.of(TpchQueries.text(14), List.of("promo_revenue")));
  }
}
