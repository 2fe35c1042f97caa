package dev.ember.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs a query on DuckDB over JDBC and returns its answer in canonical values. */
public final class DuckDbRunner {
  private DuckDbRunner() {}

  public static QueryRows query(Connection duck, String sql) throws SQLException {
    try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      int width = md.getColumnCount();
      List<String> columns = new ArrayList<>(width);
      for (int c = 1; c <= width; c++) columns.add(md.getColumnLabel(c));
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(width);
        for (int c = 1; c <= width; c++) row.add(Values.fromJdbc(rs.getObject(c)));
        rows.add(row);
      }
      return new QueryRows(columns, rows);
    }
  }
}
