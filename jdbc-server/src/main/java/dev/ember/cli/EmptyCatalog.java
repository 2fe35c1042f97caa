package dev.ember.cli;

import dev.ember.catalyst.catalog.Catalog;
import dev.ember.catalyst.catalog.Table;
import java.util.List;
import java.util.Optional;

/** A catalog without names: what completion sees on an engine that offers none. */
enum EmptyCatalog implements Catalog {
  INSTANCE;

  @Override public Optional<Table> table(List<String> path) { return Optional.empty(); }

  @Override public List<String> schemaNames(List<String> schemaPath) { return List.of(); }

  @Override public List<String> tableNames(List<String> schemaPath) { return List.of(); }
}
