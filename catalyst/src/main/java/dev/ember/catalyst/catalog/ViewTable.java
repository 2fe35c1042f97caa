package dev.ember.catalyst.catalog;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.types.Schema;

/**
 * A view defined by a query. The front end expands it where it is referenced by converting
 * {@code sql} again, so each reference gets fresh attribute ids.
 */
public record ViewTable(String name, String sql, Schema schema) implements Table {
  public ViewTable { requireNonNull(name); requireNonNull(sql); requireNonNull(schema); }
}
