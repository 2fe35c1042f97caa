package dev.ember.api;

import dev.ember.catalyst.catalog.Catalog;
import dev.ember.catalyst.catalog.Table;
import dev.ember.datasources.tpcds.TpcdsCatalog;
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
 * root; the built-in generator catalogs under {@code tpch} and {@code tpcds}.
 */
final class SessionCatalog implements Catalog {
  /** The generator catalogs, by the name of their top-level schema. */
  private static final Map<String, Catalog> BUILT_IN = Map.of("tpch", new TpchCatalog(), "tpcds", new TpcdsCatalog());

  private final Map<String, Table> tempViews = new LinkedHashMap<>();
  /** Catalogs mounted by the session's owner (the wire server's information_schema), by name. */
  private final Map<String, Catalog> mounted = new LinkedHashMap<>();
  /** Mounted catalogs whose root tables one-part names find before the session's own (pg_catalog). */
  private final List<Catalog> searchedFirst = new ArrayList<>();
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

  /** Makes {@code catalog}'s tables nameable as {@code name.…} in this session. */
  synchronized void mount(String name, Catalog catalog) { mounted.put(key(name), catalog); }

  /** Makes one-part names look in {@code catalog}'s root tables first. */
  synchronized void searchFirst(Catalog catalog) { searchedFirst.add(catalog); }

  /** The built-in or mounted catalog named {@code name}, or null. */
  private synchronized Catalog topLevel(String name) {
    Catalog c = mounted.get(key(name));
    return c != null ? c : BUILT_IN.get(key(name));
  }

  @Override public synchronized Optional<Table> table(List<String> path) {
    if (path.size() == 1) {
      for (Catalog c : searchedFirst) {
        Optional<Table> found = c.table(path);
        if (found.isPresent()) return found;
      }
      Table t = tempViews.get(key(path.get(0)));
      if (t != null) return Optional.of(t);
      return persistent.apply(path.get(0));
    }
    Catalog builtIn = path.isEmpty() ? null : topLevel(path.get(0));
    return builtIn == null ? Optional.empty() : builtIn.table(path.subList(1, path.size()));
  }

  @Override public List<String> schemaNames(List<String> schemaPath) {
    if (schemaPath.isEmpty()) {
      List<String> names = new ArrayList<>(BUILT_IN.keySet());
      synchronized (this) {
        names.addAll(mounted.keySet());
      }
      return names.stream().sorted().toList();
    }
    Catalog builtIn = topLevel(schemaPath.get(0));
    return builtIn == null ? List.of() : builtIn.schemaNames(schemaPath.subList(1, schemaPath.size()));
  }

  @Override public synchronized List<String> tableNames(List<String> schemaPath) {
    if (schemaPath.isEmpty()) {
      List<String> out = new ArrayList<>(tempViews.keySet());
      for (String n : persistentNames.get()) if (!out.contains(key(n))) out.add(n);
      return out;
    }
    Catalog builtIn = topLevel(schemaPath.get(0));
    return builtIn == null ? List.of() : builtIn.tableNames(schemaPath.subList(1, schemaPath.size()));
  }
}
