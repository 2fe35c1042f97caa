package dev.ember.it.adaptive;

import dev.ember.api.Session;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/**
 * A skewed fact table and its dimension, the same in DuckDB and Ember: {@code fact(k, v)} has
 * 2,000,000 rows of which 90% have key 0 (the rest spread over 1,000 keys), {@code dim(d, w)} one
 * row per key. Ember reads both from {@code range} tables (generated in splits, shippable to
 * executors).
 */
public final class SkewedJoinData {
  static final long FACT_ROWS = 2_000_000;
  static final String FACT = "SELECT CASE WHEN id % 10 < 9 THEN 0 ELSE id % 1000 END AS k, id AS v FROM fact_ids";
  static final String DIM = "SELECT id AS d, id % 7 AS w FROM dim_ids";
  /** Aggregated after the join on other columns than its keys, so the join's stage ends in a partial aggregation. */
  public static final String JOIN = "SELECT v % 10 AS g, count(*) AS n, sum(v) AS sv, sum(w) AS sw "
      + "FROM fact JOIN dim ON k = d GROUP BY v % 10";
  static final String FULL_JOIN = "SELECT v % 10 AS g, count(*) AS n, sum(v) AS sv, sum(w) AS sw "
      + "FROM fact FULL JOIN dim ON k = d GROUP BY v % 10";

  private SkewedJoinData() {}

  public static void define(Connection duck) throws Exception {
    try (Statement st = duck.createStatement()) {
      st.execute("CREATE OR REPLACE VIEW fact_ids AS SELECT range AS id FROM range(" + FACT_ROWS + ")");
      st.execute("CREATE OR REPLACE VIEW dim_ids AS SELECT range AS id FROM range(1000)");
      st.execute("CREATE OR REPLACE VIEW fact AS " + FACT);
      st.execute("CREATE OR REPLACE VIEW dim AS " + DIM);
    }
  }

  public static void define(Session ember) {
    ember.range(FACT_ROWS).createOrReplaceTempView("fact_ids");
    ember.range(1000).createOrReplaceTempView("dim_ids");
    ember.sql(FACT).createOrReplaceTempView("fact");
    ember.sql(DIM).createOrReplaceTempView("dim");
  }

  /** Settings that make the skewed partition split: shuffled joins only, 8 partitions, 1-2 MB sizes. */
  public static final Map<String, String> SKEW_SETTINGS = Map.of(
      "ember.sql.autoBroadcastJoinThreshold", "-1",
      "ember.sql.shuffle.partitions", "8",
      "ember.sql.adaptive.advisoryPartitionSizeInBytes", Long.toString(2L << 20),
      "ember.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes", Long.toString(1L << 20));

  static Session.Builder skewSettings(Session.Builder b) {
    SKEW_SETTINGS.forEach(b::config);
    return b;
  }
}
