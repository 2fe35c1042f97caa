package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.catalyst.expr.AttributeRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Result types Ember gives as Spark does where Calcite's defaults differ. */
class SparkTypedFunctionsTest {
  private static List<String> types(String sql) {
    return Tests.query(sql).plan().output().stream().map(AttributeRef::type).map(Object::toString).toList();
  }

  @Test void roundOfADecimalHasTheRequestedScale() {
    // e is DECIMAL(10,2); one more integral digit holds a carry, a negative scale gives scale 0.
    assertEquals(List.of("DECIMAL(4,2)", "DECIMAL(2,0)", "DECIMAL(5,0)", "DECIMAL(10,1)", "DECIMAL(9,0)",
            "DECIMAL(11,2)", "DOUBLE", "DECIMAL(10,2)"),
        types("SELECT round(2.567, 2), round(2.5), round(1234.5678, -2), round(e, 1), round(e, -1), round(e, 5),"
            + " round(f, 1), round(e, a) FROM t"));
  }

  @Test void varianceFamilyIsDoubleForDecimals() {
    assertEquals(List.of("DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE"),
        types("SELECT stddev(e), stddev_samp(e), stddev_pop(e), variance(e), var_samp(a), VAR_POP(e) FROM t"));
  }

  @Test void literalCastsRoundHalfUpToDecimalsAndTruncateToIntegers() {
    assertEquals("""
        Project [a, 123.5 AS x, 1.26 AS y, 3 AS z, -3 AS w]
          Scan t [a, b, c, d, e, f, g, ts]
        """, Tests.plan("SELECT a, CAST(123.456 AS DECIMAL(5,1)) x, CAST('1.255' AS DECIMAL(10,2)) y,"
            + " CAST(3.7 AS INT) z, CAST(-3.5 AS INT) w FROM t"));
  }
}
