package dev.ember.sql;

import java.util.List;

/** {@code DESCRIBE [TABLE] name} or {@code DESC name}. */
public record Describe(List<String> name) implements Statement {
  public Describe { name = List.copyOf(name); }
}
