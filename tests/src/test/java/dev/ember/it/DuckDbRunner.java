package dev.ember.it;

import dev.ember.bench.Answer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs a query on DuckDB over JDBC and returns its answer in canonical values. */
public final class DuckDbRunner {
  private DuckDbRunner() {}

  public static QueryRows query(Connection duck, String sql) throws SQLException {
    try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      Answer a = Answer.read(rs);
      return new QueryRows(a.columns(), a.rows());
    }
  }
}
