package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** All 22 TPC-H queries, in their standard text, convert to plans that meet catalyst's contracts. */
class TpchConversionTest {
  @ParameterizedTest(name = "Q{0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22})
  void converts(int n) {
    Query q = Tests.query(Tpch.query(n));
    assertEquals(q.columnNames().size(), q.plan().output().size());
    for (int i = 0; i < q.columnNames().size(); i++) {
      assertEquals(q.columnNames().get(i), q.plan().output().get(i).name(), "plan output names are the column names");
    }
  }

  @ParameterizedTest(name = "Q{0}")
  @ValueSource(ints = {1, 3, 11, 18})
  void namesColumnsAsWritten(int n) {
    List<String> expected = switch (n) {
      case 1 -> List.of("l_returnflag", "l_linestatus", "sum_qty", "sum_base_price", "sum_disc_price", "sum_charge",
          "avg_qty", "avg_price", "avg_disc", "count_order");
      case 3 -> List.of("l_orderkey", "revenue", "o_orderdate", "o_shippriority");
      case 11 -> List.of("ps_partkey", "value");
      case 18 -> List.of("c_name", "c_custkey", "o_orderkey", "o_orderdate", "o_totalprice", "sum(l_quantity)");
      default -> throw new IllegalArgumentException();
    };
    assertEquals(expected, Tests.query(Tpch.query(n)).columnNames());
  }
}
