package dev.ember.api;

import dev.ember.catalyst.catalog.Catalog;
import dev.ember.catalyst.catalog.Table;
import dev.ember.datasources.tpch.TpchCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What one session's queries can name: its temporary views, then the persistent tables, at the
 * root; the built-in generator catalog under {@code tpch}.
 */
final class SessionCatalog implements Catalog {
  static final String TPCH = "tpch";

  private final Map<String, Table> tempViews = new LinkedHashMap<>();
  private final TpchCatalog tpch = new TpchCatalog();
  private final Function<String, Optional<Table>> persistent;
  private final Supplier<List<String>> persistentNames;

  SessionCatalog(Function<String, Optional<Table>> persistent, Supplier<List<String>> persistentNames) {
    this.persistent = persistent;
    this.persistentNames = persistentNames;
  }

  static String key(String name) { return name.toLowerCase(Locale.ROOT); }

  synchronized void putTempView(String name, Table table) { tempViews.put(key(name), table); }

  synchronized boolean dropTempView(String name) { return tempViews.remove(key(name)) != null; }

  synchronized boolean hasTempView(String name) { return tempViews.containsKey(key(name)); }

  synchronized List<String> tempViewNames() { return new ArrayList<>(tempViews.keySet()); }

  @Override public synchronized Optional<Table> table(List<String> path) {
    if (path.size() == 1) {
      Table t = tempViews.get(key(path.get(0)));
      if (t != null) return Optional.of(t);
      return persistent.apply(path.get(0));
    }
    if (path.size() > 1 && path.get(0).equalsIgnoreCase(TPCH)) return tpch.table(path.subList(1, path.size()));
    return Optional.empty();
  }

  @Override public List<String> schemaNames(List<String> schemaPath) {
    if (schemaPath.isEmpty()) return List.of(TPCH);
    if (schemaPath.get(0).equalsIgnoreCase(TPCH)) return tpch.schemaNames(schemaPath.subList(1, schemaPath.size()));
    return List.of();
  }

  @Override public synchronized List<String> tableNames(List<String> schemaPath) {
    if (schemaPath.isEmpty()) {
      List<String> out = new ArrayList<>(tempViews.keySet());
      for (String n : persistentNames.get()) if (!out.contains(key(n))) out.add(n);
      return out;
    }
    if (schemaPath.get(0).equalsIgnoreCase(TPCH)) return tpch.tableNames(schemaPath.subList(1, schemaPath.size()));
    return List.of();
  }
}
