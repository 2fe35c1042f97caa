package dev.ember.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * DuckDB in this process (in-memory database, {@code SET threads = N}) with each table a view
 * over {@code read_parquet} of the same file Ember reads, so both engines scan Parquet.
 */
public final class DuckDbEngine implements QueryEngine {
  private final Connection connection;

  public DuckDbEngine(Path dataDir, int threads) throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try {
      TpchParquetData.execute(connection, "SET threads = " + threads);
      for (String table : TpchParquetData.tableNames()) {
        TpchParquetData.execute(connection, "CREATE VIEW " + table + " AS SELECT * FROM read_parquet('"
            + TpchParquetData.sqlPath(TpchParquetData.file(dataDir, table)) + "')");
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override public String name() { return "DuckDB"; }

  @Override public Answer run(String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return Answer.read(rs);
    }
  }

  @Override public void close() throws SQLException { connection.close(); }
}
