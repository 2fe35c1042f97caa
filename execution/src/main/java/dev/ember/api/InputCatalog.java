package dev.ember.api;

import dev.ember.catalyst.catalog.Catalog;
import dev.ember.catalyst.catalog.Table;
import java.util.List;
import java.util.Optional;

/** The session's catalog with a transformation's inputs added at the root, under their aliases. */
record InputCatalog(Catalog base, List<PlanInput> inputs) implements Catalog {
  @Override public Optional<Table> table(List<String> path) {
    if (path.size() == 1) {
      for (PlanInput in : inputs) if (in.alias().equalsIgnoreCase(path.get(0))) return Optional.of(in);
    }
    return base.table(path);
  }

  @Override public List<String> schemaNames(List<String> schemaPath) { return base.schemaNames(schemaPath); }

  @Override public List<String> tableNames(List<String> schemaPath) {
    if (!schemaPath.isEmpty()) return base.tableNames(schemaPath);
    List<String> out = new java.util.ArrayList<>();
    for (PlanInput in : inputs) out.add(in.alias());
    out.addAll(base.tableNames(schemaPath));
    return out;
  }
}
