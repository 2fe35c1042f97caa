package dev.ember.sql;

import java.util.List;

/** {@code DROP TABLE|VIEW [IF EXISTS] name}; {@code view} tells which was written. */
public record DropTable(List<String> name, boolean ifExists, boolean view) implements Statement {
  public DropTable { name = List.copyOf(name); }
}
