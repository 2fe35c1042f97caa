package dev.ember.it.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.api.Session;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.it.TpchData;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The set-up of the DataFrame tests that ask DuckDB the same question in SQL: DuckDB with the
 * TPC-H SF 0.01 tables (from the generator Ember's {@code tpch.tiny} uses), an Ember session
 * ({@code local[2]}), and the {@link DataFrameOracle}; after each test no Arrow memory is left.
 */
abstract class DataFrameComparison {
  protected static Connection duck;
  protected static Session session;
  protected static DataFrameOracle oracle;

  @BeforeAll static void openEngines() throws Exception {
    duck = TpchData.openDuckDb();
    TpchData.generateInto(duck, TpchData.TINY);
    session = Session.builder().master("local[2]").getOrCreate();
    oracle = new DataFrameOracle(duck);
  }

  @AfterAll static void closeEngines() throws Exception {
    if (session != null) session.stop();
    if (duck != null) duck.close();
  }

  @AfterEach void noLeak() { assertEquals(0, MemoryManager.allocatedBytes(), "Arrow memory left allocated"); }
}
