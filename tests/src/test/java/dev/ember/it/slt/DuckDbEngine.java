package dev.ember.it.slt;

import dev.ember.it.TpchData;
import dev.ember.bench.CanonicalValues;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB as an {@link SltEngine}, the source of expected results: an in-memory database with
 * the TPC-H SF 0.01 tables as views over the same Parquet files Ember reads.
 */
final class DuckDbEngine implements SltEngine {
  private final Connection duck;

  DuckDbEngine() {
    try {
      duck = TpchData.openDuckDb();
      for (String table : TpchData.tableNames()) {
        try (Statement s = duck.createStatement()) {
          s.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet('"
              + TpchData.parquetFile(TpchData.TINY, table).toAbsolutePath().toString().replace("'", "''") + "')");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open DuckDB", e);
    }
  }

  @Override public String name() { return "duckdb"; }

  @Override public Outcome run(String sql) {
    try (Statement s = duck.createStatement()) {
      if (!s.execute(sql)) return new Rows("", List.of());
      try (ResultSet rs = s.getResultSet()) {
        ResultSetMetaData md = rs.getMetaData();
        int width = md.getColumnCount();
        StringBuilder types = new StringBuilder();
        for (int c = 1; c <= width; c++) types.append(SltTypes.ofDuckDb(md.getColumnTypeName(c)));
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
          List<String> row = new ArrayList<>(width);
          for (int c = 1; c <= width; c++) row.add(SltText.render(CanonicalValues.fromJdbc(rs.getObject(c))));
          rows.add(row);
        }
        return new Rows(types.toString(), rows);
      }
    } catch (SQLException e) {
      return new Failure(true, e.getMessage());
    }
  }

  @Override public void close() {
    try {
      duck.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
