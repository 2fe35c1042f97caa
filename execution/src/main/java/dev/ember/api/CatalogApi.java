package dev.ember.api;

import dev.ember.catalyst.catalog.Table;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What {@code session.catalog()} offers: the session's tables and views, as Spark's {@code Catalog}. */
public final class CatalogApi {
  /** A table or view: its name and whether it lives only as long as the session. */
  public record TableInfo(String name, boolean isTemporary) {}

  /** A column of a table. */
  public record ColumnInfo(String name, String dataType, boolean nullable) {}

  private final SessionState state;

  CatalogApi(SessionState state) { this.state = state; }

  /** Temporary views and persistent tables at the root. */
  public List<TableInfo> listTables() {
    List<TableInfo> out = new ArrayList<>();
    for (String n : state.sessionCatalog().tableNames(List.of())) out.add(new TableInfo(n, state.sessionCatalog().hasTempView(n)));
    return out;
  }

  /** Tables of a schema, e.g. {@code listTables("tpch.tiny")}. */
  public List<TableInfo> listTables(String schema) {
    List<TableInfo> out = new ArrayList<>();
    for (String n : state.sessionCatalog().tableNames(Arrays.asList(schema.split("\\.")))) out.add(new TableInfo(n, false));
    return out;
  }

  public List<ColumnInfo> listColumns(String table) {
    Table t = lookup(table);
    List<ColumnInfo> out = new ArrayList<>();
    for (Field f : t.schema().fields()) out.add(new ColumnInfo(f.name(), f.type().sql(), f.nullable()));
    return out;
  }

  public boolean tableExists(String name) {
    return state.sessionCatalog().table(Arrays.asList(name.split("\\."))).isPresent();
  }

  /** Drops a temporary view; false when there was none of that name. */
  public boolean dropTempView(String name) { return state.sessionCatalog().dropTempView(name); }

  /**
   * Registers any table (for instance a custom {@link dev.ember.datasources.DataSourceTable}) as
   * a temporary view, replacing one of that name.
   */
  public void registerTable(String name, Table table) { state.sessionCatalog().putTempView(name, table); }

  /** Caches a table or view as {@code CACHE TABLE} does (computed now). */
  public void cacheTable(String name) {
    state.execute(new dev.ember.sql.CacheTable(Arrays.asList(name.split("\\.")), false, null)).close();
  }

  public void uncacheTable(String name) {
    state.execute(new dev.ember.sql.UncacheTable(Arrays.asList(name.split("\\.")), false)).close();
  }

  /** True when the table's rows are cached. */
  public boolean isCached(String name) {
    return state.cache().levelOf(state.tablePlan(Arrays.asList(name.split("\\.")))) != null;
  }

  /** Drops every cached DataFrame and table of the session. */
  public void clearCache() { state.clearCache(); }

  private Table lookup(String name) {
    return state.sessionCatalog().table(Arrays.asList(name.split("\\."))).orElseThrow(() ->
        new EmberException(EmberException.UNDEFINED_TABLE, "Table or view '" + name + "' not found"));
  }
}
