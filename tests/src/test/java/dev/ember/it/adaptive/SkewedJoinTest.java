package dev.ember.it.adaptive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.it.Oracle;
import dev.ember.it.TpchData;
import java.sql.Connection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adaptive execution splits a skewed join partition (local[4]: four map tasks per side): 90% of
 * 2,000,000 fact rows share one key; that partition is read by several tasks, each with the
 * blocks of some map tasks, and the dimension's partition is replicated to each — with DuckDB's
 * answers. A full outer join, and a partition under the threshold, are not split.
 */
public class SkewedJoinTest {
  private static final Pattern SPLIT = Pattern.compile("skewed partitions: 1 split into (\\d+)");

  private static Connection duck;
  private static Session ember;

  @BeforeAll static void setUp() throws Exception {
    duck = TpchData.openDuckDb();
    SkewedJoinData.define(duck);
    ember = SkewedJoinData.skewSettings(Session.builder().master("local[4]")).getOrCreate();
    SkewedJoinData.define(ember);
  }

  @AfterAll static void tearDown() throws Exception {
    if (ember != null) ember.close();
    if (duck != null) duck.close();
  }

  public static String executedPlan(Session s, String sql) {
    try (QueryResult r = s.execute(sql)) {
      for (VectorSchemaRoot b = r.nextBatch(); b != null; b = r.nextBatch()) {
        // answers are checked against DuckDB
      }
      return r.executedPlan();
    }
  }

  /** How many tasks the skewed partition was split into (0: not split). */
  public static int splits(String plan) {
    String fin = plan.substring(0, plan.indexOf("== Initial Plan =="));
    Matcher m = SPLIT.matcher(fin);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  @Test void theSkewedPartitionIsSplitAndTheAnswerIsDuckDbs() {
    String plan = executedPlan(ember, SkewedJoinData.JOIN);
    assertTrue(splits(plan) >= 2, plan);
    assertTrue(plan.contains("partitions replicated for skew: 1"), plan);
    new Oracle(duck, ember).assertSameAnswer("skewed join split", SkewedJoinData.JOIN);
  }

  @Test void aFullOuterJoinIsNeverSplit() {
    String plan = executedPlan(ember, SkewedJoinData.FULL_JOIN);
    assertFalse(plan.contains("skewed partitions"), plan);
    new Oracle(duck, ember).assertSameAnswer("skewed full join", SkewedJoinData.FULL_JOIN);
  }

  @Test void belowTheThresholdOrSwitchedOffNothingIsSplit() throws Exception {
    try (Session defaults = Session.builder().master("local[4]").config("ember.sql.autoBroadcastJoinThreshold", "-1")
        .config("ember.sql.shuffle.partitions", "8").getOrCreate()) {
      SkewedJoinData.define(defaults);
      assertFalse(executedPlan(defaults, SkewedJoinData.JOIN).contains("skewed partitions")); // 256 MB threshold
    }
    try (Session off = SkewedJoinData.skewSettings(Session.builder().master("local[4]"))
        .config("ember.sql.adaptive.skewJoin.enabled", "false").getOrCreate()) {
      SkewedJoinData.define(off);
      assertFalse(executedPlan(off, SkewedJoinData.JOIN).contains("skewed partitions"));
    }
  }
}
