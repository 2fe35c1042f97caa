package dev.ember.sql;

import java.util.List;

/** {@code SHOW TABLES [IN|FROM schema]}; an empty {@code schema} means the root. */
public record ShowTables(List<String> schema) implements Statement {
  public ShowTables { schema = List.copyOf(schema); }
}
