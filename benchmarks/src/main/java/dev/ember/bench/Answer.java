package dev.ember.bench;

import java.util.List;

/**
 * The rows one engine returned for a query, in canonical values (see {@link CanonicalValues}) so
 * the answers of both engines can be compared by {@link AnswerCheck}.
 */
public record Answer(List<String> columns, List<List<Object>> rows) {
  public Answer { columns = List.copyOf(columns); rows = List.copyOf(rows); }

  public int rowCount() { return rows.size(); }

  /** Reads every row of {@code rs} (column labels, canonical values). */
  public static Answer read(java.sql.ResultSet rs) throws java.sql.SQLException {
    java.sql.ResultSetMetaData md = rs.getMetaData();
    int width = md.getColumnCount();
    List<String> columns = new java.util.ArrayList<>(width);
    for (int c = 1; c <= width; c++) columns.add(md.getColumnLabel(c));
    List<List<Object>> rows = new java.util.ArrayList<>();
    while (rs.next()) {
      List<Object> row = new java.util.ArrayList<>(width);
      for (int c = 1; c <= width; c++) row.add(CanonicalValues.fromJdbc(rs.getObject(c)));
      rows.add(row);
    }
    return new Answer(columns, rows);
  }
}
