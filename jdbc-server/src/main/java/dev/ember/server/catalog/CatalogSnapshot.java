package dev.ember.server.catalog;

import dev.ember.api.Session;
import dev.ember.catalyst.catalog.Catalog;
import dev.ember.catalyst.catalog.Table;
import dev.ember.catalyst.catalog.ViewTable;
import dev.ember.catalyst.types.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ember's catalog as PostgreSQL clients see it, taken when a catalog query arrives. Tables at the
 * root (temporary views, persistent tables and views) are in schema {@code public}; the built-in
 * generator catalogs' schemas are {@code tpch.tiny}, {@code tpcds.sf1}, … (the name a query
 * uses before the table's). OIDs are assigned in name order, so they are stable while the catalog
 * does not change — enough for psql's two-step {@code \d name}.
 */
final class CatalogSnapshot {
  static final int PG_CATALOG_OID = 11;
  static final int PUBLIC_OID = 2200;
  static final int INFORMATION_SCHEMA_OID = 13_000;
  private static final int FIRST_SCHEMA_OID = 16_000;
  private static final int FIRST_RELATION_OID = 16_384;

  /** A schema: its OID and name. */
  record Namespace(int oid, String name) {}

  /**
   * A table or view.
   *
   * @param kind PostgreSQL's relkind: 'r' table, 'v' view
   * @param temporary true for a session's temporary view
   */
  record Relation(int oid, Namespace namespace, String name, char kind, boolean temporary, List<String> path) {}

  private final Catalog catalog;
  private final List<Namespace> namespaces = new ArrayList<>();
  private final List<Relation> relations = new ArrayList<>();

  CatalogSnapshot(Session session) {
    this.catalog = session.state().catalog();
    namespaces.add(new Namespace(PG_CATALOG_OID, "pg_catalog"));
    namespaces.add(new Namespace(INFORMATION_SCHEMA_OID, "information_schema"));
    Namespace pub = new Namespace(PUBLIC_OID, "public");
    namespaces.add(pub);
    int relOid = FIRST_RELATION_OID;
    List<String> root = new ArrayList<>(catalog.tableNames(List.of()));
    root.sort(null);
    for (String name : root) {
      boolean temp = session.state().isTempView(name);
      Optional<Table> t = catalog.table(List.of(name));
      char kind = temp || t.map(x -> x instanceof ViewTable).orElse(false) ? 'v' : 'r';
      relations.add(new Relation(relOid++, pub, name, kind, temp, List.of(name)));
    }
    int nsOid = FIRST_SCHEMA_OID;
    for (String top : catalog.schemaNames(List.of())) {
      for (String sub : catalog.schemaNames(List.of(top))) {
        Namespace ns = new Namespace(nsOid++, top + "." + sub);
        namespaces.add(ns);
        for (String t : catalog.tableNames(List.of(top, sub))) {
          relations.add(new Relation(relOid++, ns, t, 'r', false, List.of(top, sub, t)));
        }
      }
    }
  }

  List<Namespace> namespaces() { return namespaces; }

  List<Relation> relations() { return relations; }

  Optional<Relation> relation(int oid) {
    return relations.stream().filter(r -> r.oid() == oid).findFirst();
  }

  /** The columns of a relation (empty when it vanished meanwhile). */
  List<Field> columns(Relation r) {
    return catalog.table(r.path()).map(t -> t.schema().fields()).orElse(List.of());
  }
}
