package dev.ember.datasources.catalog;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.types.Schema;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the persistent catalog remembers of a table: enough to open it again after a restart.
 * {@code columns} is null when the schema comes from the data (Parquet footers, CSV inference).
 */
public record TableDefinition(String name, String provider, String location, Map<String, String> options,
                              Schema columns) {
  public TableDefinition {
    requireNonNull(name);
    requireNonNull(provider);
    requireNonNull(location);
    options = Map.copyOf(new TreeMap<>(options));
  }
}
