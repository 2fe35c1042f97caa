package dev.ember.sql;

import java.util.List;

/** {@code UNCACHE TABLE [IF EXISTS] name} (Spark): drops the table's rows from the session's cache. */
public record UncacheTable(List<String> name, boolean ifExists) implements Statement {
  public UncacheTable { name = List.copyOf(name); }
}
