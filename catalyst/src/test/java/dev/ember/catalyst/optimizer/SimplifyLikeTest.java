package dev.ember.catalyst.optimizer;

import static dev.ember.catalyst.ExprDsl.*;
import static dev.ember.catalyst.PlanBuilder.scan;

import dev.ember.catalyst.RuleTester;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.types.DataType;
import org.junit.jupiter.api.Test;

class SimplifyLikeTest {
  private final RuleTester tester = RuleTester.of(new SimplifyLike());

  @Test void prefixSuffixInfixAndPlainPatternsBecomeStringTests() {
    tester.check(scan("t", "s VARCHAR").project(like(col("s"), "abc%").as("p"), like(col("s"), "%abc").as("q"),
            like(col("s"), "%abc%").as("r"), like(col("s"), "abc").as("e")))
        .before("""
            Project [like(s, 'abc%') AS p, like(s, '%abc') AS q, like(s, '%abc%') AS r, like(s, 'abc') AS e]
              Scan t [s]
            """)
        .after("""
            Project [starts_with(s, 'abc') AS p, ends_with(s, 'abc') AS q, contains(s, 'abc') AS r, (s = 'abc') AS e]
              Scan t [s]
            """);
  }

  @Test void keepsPatternsThatNeedAMatcher() {
    tester.checkUnchanged(scan("t", "s VARCHAR").project(like(col("s"), "a_c%").as("a"), like(col("s"), "a%c").as("b"),
        like(col("s"), "%").as("c"), like(col("s"), "%%").as("d"), like(col("s"), "%a%b%").as("e"),
        call(Call.Fn.LIKE, DataType.BOOLEAN, col("s"), lit("a!%%"), lit("!")).as("f"),
        call(Call.Fn.ILIKE, DataType.BOOLEAN, col("s"), lit("abc%")).as("g"),
        call(Call.Fn.LIKE, DataType.BOOLEAN, col("s"), col("s")).as("h")));
  }
}
