package dev.ember.catalyst;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.types.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanBuilderTest {
  @Test void qualifiedNamesPickTheirSide() {
    PlanBuilder self = scan("t", "a INT").join(scan("t", "a INT").as("t2"), JoinType.INNER, eq(col("t.a"), col("t2.a")));
    assertNotEquals(self.attr("t.a").id(), self.attr("t2.a").id());
    assertEquals("""
        Join Inner [(a = a)]
          Scan t [a]
          Scan t [a]
        """, self.build().treeString());
  }

  @Test void ambiguousAndUnknownNamesFail() {
    PlanBuilder self = scan("t", "a INT").join(scan("u", "a INT"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> self.attr("a")).getMessage().startsWith("ambiguous column a"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> self.attr("b")).getMessage().startsWith("no column b"));
  }

  @Test void typesAreCheckedAndParsed() {
    assertThrows(IllegalArgumentException.class, () -> scan("t", "a INT").filter(eq(col("a"), lit(1L))));
    assertThrows(IllegalArgumentException.class, () -> scan("t", "a INT").project(add(col("a"), lit(1))));
    PlanBuilder t = scan("t", "p DECIMAL(15,2) NOT NULL", "d DATE");
    assertEquals(DataType.decimal(15, 2), t.attr("p").type());
    assertEquals(false, t.attr("p").nullable());
    assertEquals(DataType.decimal(25, 2), t.aggregate(List.of(), List.of(sum(col("p")).as("s"))).attr("s").type());
  }

  @Test void outerJoinsMakeTheNullSideNullable() {
    PlanBuilder j = scan("t", "a INT NOT NULL").join(scan("u", "x INT NOT NULL"), JoinType.LEFT, eq(col("a"), col("x")));
    assertEquals(false, j.attr("a").nullable());
    assertEquals(true, j.attr("x").nullable());
  }
}
