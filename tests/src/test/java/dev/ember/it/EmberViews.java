package dev.ember.it;

import dev.ember.api.Session;
import java.nio.file.Path;

/** Registers the TPC-H tables in an Ember session under their plain names, as temporary views. */
public final class EmberViews {
  private EmberViews() {}

  /** {@code CREATE TEMPORARY VIEW <table> USING parquet OPTIONS (path '…')} over the cached files. */
  public static void parquet(Session session, double scale) {
    Path dir = TpchData.parquetDir(scale);
    for (String table : TpchData.tableNames()) {
      EmberRunner.execute(session, "CREATE TEMPORARY VIEW " + table + " USING parquet OPTIONS (path '"
          + TpchData.sqlPath(dir.resolve(table + ".parquet")) + "')");
    }
  }

  /** {@code CREATE TEMPORARY VIEW <table> AS SELECT * FROM tpch.<schema>.<table>} over the generator catalog. */
  public static void generatorCatalog(Session session, String schema) {
    for (String table : TpchData.tableNames()) {
      EmberRunner.execute(session, "CREATE TEMPORARY VIEW " + table + " AS SELECT * FROM tpch." + schema + "." + table);
    }
  }
}
