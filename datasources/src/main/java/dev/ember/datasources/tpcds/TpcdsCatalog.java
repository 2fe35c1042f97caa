package dev.ember.datasources.tpcds;

import dev.ember.catalyst.catalog.Catalog;
import dev.ember.datasources.DataSourceTable;
import io.trino.tpcds.Table;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in {@code tpcds} catalog: the 24 TPC-DS tables generated on the fly at any scale, so
 * TPC-DS queries need no data files. Schema {@code tiny} is SF 0.01 and {@code sfN} is SF N (see
 * {@link TpcdsScale}); every schema holds the same 24 tables. Names ignore case.
 *
 * <p>Also a catalyst {@link Catalog} whose paths are relative to the catalog:
 * {@code [tiny, store_sales]}.
 */
public final class TpcdsCatalog implements Catalog {
  /** The schemas listed; any other {@code sfN} can be named all the same. */
  private static final List<String> LISTED_SCHEMAS = List.of("tiny", "sf1", "sf10", "sf100", "sf1000");
  /** The generator's tables less {@code dbgen_version}, which describes a dsdgen run, not data. */
  private static final List<Table> TABLES = Table.getBaseTables().stream()
      .filter(t -> t != Table.DBGEN_VERSION)
      .toList();

  public List<String> schemaNames() { return LISTED_SCHEMAS; }

  public List<String> tableNames() {
    return TABLES.stream().map(Table::getName).sorted().toList();
  }

  /** The table {@code name} of schema {@code schema}, or empty when either is unknown. */
  public Optional<DataSourceTable> table(String schema, String name) {
    Optional<TpcdsScale> scale = TpcdsScale.parse(schema);
    if (scale.isEmpty()) return Optional.empty();
    String lower = name.toLowerCase(Locale.ROOT);
    for (Table t : TABLES) {
      if (t.getName().equals(lower)) return Optional.of(new TpcdsGeneratedTable(t, scale.get()));
    }
    return Optional.empty();
  }

  @Override public Optional<dev.ember.catalyst.catalog.Table> table(List<String> path) {
    if (path.size() != 2) return Optional.empty();
    return table(path.get(0), path.get(1)).map(t -> t);
  }

  @Override public List<String> schemaNames(List<String> schemaPath) {
    return schemaPath.isEmpty() ? schemaNames() : List.of();
  }

  @Override public List<String> tableNames(List<String> schemaPath) {
    return schemaPath.size() == 1 && TpcdsScale.parse(schemaPath.get(0)).isPresent() ? tableNames() : List.of();
  }
}
