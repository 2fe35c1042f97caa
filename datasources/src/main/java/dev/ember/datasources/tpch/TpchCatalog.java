package dev.ember.datasources.tpch;

import dev.ember.catalyst.catalog.Catalog;
import dev.ember.catalyst.catalog.Table;
import dev.ember.datasources.DataSourceTable;
import io.trino.tpch.TpchTable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in {@code tpch} catalog: the eight TPC-H tables generated on the fly at any scale, so
 * a first query needs no data files. Schema {@code tiny} is SF 0.01 and {@code sfN} is SF N (see
 * {@link TpchScale}); every schema holds the same eight tables. Names ignore case.
 *
 * <p>Also a catalyst {@link Catalog} whose paths are relative to the catalog:
 * {@code [tiny, lineitem]}.
 */
public final class TpchCatalog implements Catalog {
  /** The schemas listed; any other {@code sfN} can be named all the same. */
  private static final List<String> LISTED_SCHEMAS = List.of("tiny", "sf1", "sf10", "sf100", "sf1000");

  public List<String> schemaNames() { return LISTED_SCHEMAS; }

  public List<String> tableNames() {
    return TpchTable.getTables().stream().map(TpchTable::getTableName).sorted().toList();
  }

  /** The table {@code name} of schema {@code schema}, or empty when either is unknown. */
  public Optional<DataSourceTable> table(String schema, String name) {
    Optional<TpchScale> scale = TpchScale.parse(schema);
    if (scale.isEmpty()) return Optional.empty();
    String lower = name.toLowerCase(Locale.ROOT);
    for (TpchTable<?> t : TpchTable.getTables()) {
      if (t.getTableName().equals(lower)) return Optional.of(new TpchGeneratedTable(t, scale.get()));
    }
    return Optional.empty();
  }

  @Override public Optional<Table> table(List<String> path) {
    if (path.size() != 2) return Optional.empty();
    return table(path.get(0), path.get(1)).map(t -> t);
  }

  @Override public List<String> schemaNames(List<String> schemaPath) {
    return schemaPath.isEmpty() ? schemaNames() : List.of();
  }

  @Override public List<String> tableNames(List<String> schemaPath) {
    return schemaPath.size() == 1 && TpchScale.parse(schemaPath.get(0)).isPresent() ? tableNames() : List.of();
  }
}
