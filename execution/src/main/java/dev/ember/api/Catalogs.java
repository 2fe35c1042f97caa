package dev.ember.api;

import dev.ember.catalyst.catalog.Table;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.parquet.ParquetTable;
import dev.ember.sql.CreateTable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The persistent catalog of a session (tables and views kept under the catalog directory). */
final class Catalogs {
  private final String dir;

  Catalogs(String dir) { this.dir = dir; }

  /** A table over files of {@code provider}, from a view's or table's options. */
  static DataSourceTable open(String provider, String name, Map<String, String> options, String location, Schema schema) {
    String path = location != null ? location : options.get("path");
    if (path == null) throw new EmberException(EmberException.SYNTAX_ERROR, "a path is needed: OPTIONS (path '…')");
    switch (provider.toLowerCase(Locale.ROOT)) {
      case "parquet":
        return schema == null ? ParquetTable.open(name, path) : ParquetTable.open(name, path, schema);
      default:
        throw EmberException.notSupported("data source '" + provider + "'");
    }
  }

  Optional<Table> table(String name) { return Optional.empty(); }

  List<String> names() { return List.of(); }

  void createTable(CreateTable t) { throw EmberException.notSupported("CREATE TABLE (catalog not wired yet) in " + dir); }

  void createView(String name, String sql, boolean orReplace) {
    throw EmberException.notSupported("persistent views (catalog not wired yet)");
  }

  boolean drop(String name) { return false; }
}
