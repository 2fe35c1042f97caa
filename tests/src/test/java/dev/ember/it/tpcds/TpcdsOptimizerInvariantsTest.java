package dev.ember.it.tpcds;

import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.it.EmberRunner;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every TPC-DS query plans with the optimizer's invariant checks on
 * ({@code ember.optimizer.checkInvariants}): each rule keeps the schema and resolves every
 * reference, Once batches are idempotent and fixed-point batches converge (a rule pair that undoes
 * each other's work would otherwise just burn 100 iterations). Planning only, over the generator
 * catalog's views: no data is generated.
 */
class TpcdsOptimizerInvariantsTest {
  private static Session ember;

  static List<String> names() { return TpcdsQueries.names(); }

  @BeforeAll static void setUp() {
    ember = Session.builder().master("local[2]").config("ember.optimizer.checkInvariants", "true").getOrCreate();
    for (String table : TpcdsData.tableNames()) {
      EmberRunner.execute(ember, "CREATE TEMPORARY VIEW " + table + " AS SELECT * FROM tpcds." + TpcdsData.SCHEMA + "." + table);
    }
  }

  @AfterAll static void tearDown() {
    if (ember != null) ember.close();
  }

  /** A query the front end does not accept yet is skipped: it never reaches the optimizer. */
  @ParameterizedTest(name = "q{0}") @MethodSource("names")
  void plansWithEveryInvariantChecked(String name) {
    try {
      EmberRunner.query(ember, "EXPLAIN " + TpcdsQueries.text(name));
    } catch (EmberException e) {
      if (EmberException.INTERNAL_ERROR.equals(e.sqlState())) throw e;
      Assumptions.abort("not planned yet: " + e.getMessage());
    }
  }
}
