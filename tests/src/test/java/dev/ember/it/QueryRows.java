package dev.ember.it;

import java.util.List;

/** A query's answer in canonical values (see {@link Values}): column labels and rows. */
public record QueryRows(List<String> columns, List<List<Object>> rows) {
  public QueryRows {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  public int size() { return rows.size(); }
}
