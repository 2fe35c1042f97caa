package dev.ember.sql;

import java.util.List;

/**
 * {@code DESCRIBE [TABLE] [EXTENDED] name [column]} or {@code DESC …}. EXTENDED adds the table's
 * statistics; naming a column describes that column (with its statistics under EXTENDED).
 * {@code column} is null when none is named.
 */
public record Describe(List<String> name, boolean extended, String column) implements Statement {
  public Describe { name = List.copyOf(name); }

  /** Plain {@code DESCRIBE name}. */
  public Describe(List<String> name) { this(name, false, null); }
}
