package dev.ember.it.dataframe;

import static dev.ember.api.functions.broadcast;
import static dev.ember.api.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.DataFrame;
import dev.ember.api.Session;
import org.junit.jupiter.api.Test;

/** {@code broadcast(df)} makes the planner broadcast that side even when sizes alone would not. */
class BroadcastHintTest {
  @Test void hintedSideIsBroadcast() {
    try (Session s = Session.builder().master("local[2]").config("ember.sql.autoBroadcastJoinThreshold", "0").getOrCreate()) {
      DataFrame orders = s.table("tpch.tiny.orders");
      DataFrame customer = s.table("tpch.tiny.customer");
      DataFrame plain = orders.join(customer, col("o_custkey").equalTo(col("c_custkey")));
      DataFrame hinted = orders.join(broadcast(customer), col("o_custkey").equalTo(col("c_custkey")));
      DataFrame hintedLeft = broadcast(customer).join(orders, col("o_custkey").equalTo(col("c_custkey")));
      String plainPlan = plain.explainString("simple");
      assertFalse(plainPlan.toLowerCase().contains("broadcast"), plainPlan);
      for (DataFrame df : new DataFrame[] {hinted, hintedLeft}) {
        String plan = df.explainString("simple");
        assertTrue(plan.toLowerCase().contains("broadcast"), plan);
        assertEquals(plain.count(), df.count());
      }
    }
  }
}
