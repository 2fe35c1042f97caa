package dev.ember.it;

import dev.ember.api.Session;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The set-up of the tests that ask DuckDB and Ember the same questions over the TPC-H SF 0.01
 * Parquet files: DuckDB reading the files, an Ember session ({@code local[2]}) with a temporary
 * view per table, and the {@link Oracle} comparing their answers; both closed after the class.
 */
public abstract class TinyParquetComparison {
  protected static Connection duck;
  protected static Session ember;
  protected static Oracle oracle;

  @BeforeAll static void openEngines() throws Exception {
    duck = TpchData.openDuckDbOverParquet(TpchData.TINY);
    ember = Session.builder().master("local[2]").getOrCreate();
    EmberViews.parquet(ember, TpchData.TINY);
    oracle = new Oracle(duck, ember);
  }

  @AfterAll static void closeEngines() throws Exception {
    if (ember != null) ember.close();
    if (duck != null) duck.close();
  }
}
