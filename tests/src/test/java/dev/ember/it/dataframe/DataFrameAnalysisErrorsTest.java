package dev.ember.it.dataframe;

import static dev.ember.api.functions.col;
import static dev.ember.api.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.DataFrame;
import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Analysis is eager: a transformation naming a column that is not there fails at once, with
 * SQLSTATE 42703 and the columns there are, before anything runs; ambiguous names after a join
 * are reported as such; names match case-insensitively.
 */
class DataFrameAnalysisErrorsTest {
  private static Session session;
  private static CountingTable nation;

  @BeforeAll static void setUp() {
    session = Session.builder().master("local[2]").getOrCreate();
    nation = new CountingTable(new dev.ember.datasources.tpch.TpchCatalog().table("tiny", "nation").orElseThrow());
    session.catalog().registerTable("nation", nation);
  }

  @AfterAll static void tearDown() { if (session != null) session.stop(); }

  private static void assertUnknownColumn(String name, Runnable transformation) {
    EmberException e = assertThrows(EmberException.class, transformation::run);
    assertEquals(EmberException.UNDEFINED_COLUMN, e.sqlState(), e.getMessage());
    assertTrue(e.getMessage().contains(name), e.getMessage());
    assertTrue(e.getMessage().contains("n_nationkey") && e.getMessage().contains("n_comment"),
        "the message lists the available columns: " + e.getMessage());
  }

  @Test void unknownColumnFailsAtTheTransformation() {
    DataFrame n = session.table("nation");
    assertUnknownColumn("n_nme", () -> n.select("n_nme"));
    assertUnknownColumn("n_key", () -> n.filter(col("n_key").gt(1)));
    assertUnknownColumn("nope", () -> n.groupBy("nope"));
    assertUnknownColumn("nope", () -> n.groupBy("n_regionkey").agg(sum("nope")));
    assertUnknownColumn("zz", () -> n.orderBy("zz"));
    assertUnknownColumn("zz", () -> n.col("zz"));
    assertUnknownColumn("zz", () -> n.withColumn("x", col("zz").plus(1)));
    assertEquals(0, nation.scans.get(), "nothing ran");
  }

  @Test void sqlExpressionsAreCheckedToo() {
    DataFrame n = session.table("nation");
    EmberException e = assertThrows(EmberException.class, () -> n.filter("n_nme = 'x'"));
    assertEquals(EmberException.UNDEFINED_COLUMN, e.sqlState(), e.getMessage());
    assertTrue(e.getMessage().toLowerCase().contains("n_nme"), e.getMessage());
    assertTrue(!e.hasPosition(), "no position in SQL text the user did not write: " + e.describe());
    assertEquals(0, nation.scans.get());
  }

  @Test void namesMatchIgnoringCase() {
    DataFrame n = session.table("nation");
    assertEquals(java.util.List.of("N_NAME"), java.util.List.of(n.select(col("N_NAME")).columns()).stream()
        .map(String::toUpperCase).toList());
    assertEquals(25, n.filter(col("N_NationKey").geq(0)).count());
  }

  @Test void ambiguousNameAfterJoin() {
    DataFrame a = session.table("nation");
    DataFrame b = session.table("nation");
    DataFrame joined = a.join(b, a.col("n_nationkey").equalTo(b.col("n_regionkey")));
    EmberException e = assertThrows(EmberException.class, () -> joined.select("n_name"));
    assertEquals("42702", e.sqlState());
    assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
  }

  @Test void typeErrorsComeFromTheSqlAnalyzer() {
    DataFrame n = session.table("nation");
    EmberException e = assertThrows(EmberException.class, () -> n.select(col("n_name").plus(col("n_regionkey").gt(1))));
    assertTrue(e.sqlState().startsWith("42"), e.sqlState() + " " + e.getMessage());
  }
}
