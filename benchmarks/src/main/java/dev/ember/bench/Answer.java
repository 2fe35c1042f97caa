package dev.ember.bench;

import java.util.List;

/**
 * The rows one engine returned for a query, in canonical values (see {@link CanonicalValues}) so
 * the answers of both engines can be compared by {@link AnswerCheck}.
 */
public record Answer(List<String> columns, List<List<Object>> rows) {
  public Answer { columns = List.copyOf(columns); rows = List.copyOf(rows); }

  public int rowCount() { return rows.size(); }
}
