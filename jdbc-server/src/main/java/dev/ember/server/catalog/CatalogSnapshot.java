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
 * does not change — enough for psql's two-step {@code \d name}. The tables of {@code pg_catalog}
 * (PostgreSQL's own OIDs where clients know them) and {@code information_schema} are listed too.
 *
 * <p>PostgreSQL's search path is emulated as {@code pg_catalog, public} plus every generator
 * catalog's {@code tiny} schema, so a plain {@code \dt} is not a list of every scale factor.
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
    for (String name : PgCatalog.TABLES) {
      relations.add(new Relation(PgCatalog.oidOf(name), namespaces.get(0), name, 'r', false, List.of(PgCatalog.NAME, name)));
    }
    int infoOid = INFORMATION_SCHEMA_OID + 1;
    for (String name : catalog.tableNames(List.of(InformationSchema.NAME))) {
      relations.add(new Relation(infoOid++, namespaces.get(1), name, 'v', false, List.of(InformationSchema.NAME, name)));
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

  /** True for the schemas on the emulated search path. */
  static boolean visible(Namespace n) {
    return n.oid() == PG_CATALOG_OID || n.oid() == PUBLIC_OID || n.name().endsWith(".tiny");
  }

  /**
   * The relation a {@code 'name'::regclass} names: a visible one by its bare name (first in
   * search-path order), else {@code schema.name} with the schema's full dotted name.
   */
  Optional<Relation> relation(String text) {
    String name = text.replace("\"", "");
    for (Relation r : relations) {
      if (visible(r.namespace()) && r.name().equalsIgnoreCase(name)) return Optional.of(r);
    }
    int dot = name.lastIndexOf('.');
    if (dot < 0) return Optional.empty();
    String schema = name.substring(0, dot);
    String rel = name.substring(dot + 1);
    return relations.stream()
        .filter(r -> r.namespace().name().equalsIgnoreCase(schema) && r.name().equalsIgnoreCase(rel)).findFirst();
  }

  /** The schema named {@code text} (for {@code ::regnamespace}). */
  Optional<Namespace> namespace(String text) {
    String name = text.replace("\"", "");
    return namespaces.stream().filter(n -> n.name().equalsIgnoreCase(name)).findFirst();
  }

  /** The columns of a relation (empty when it vanished meanwhile). */
  List<Field> columns(Relation r) {
    return catalog.table(r.path()).map(t -> t.schema().fields()).orElse(List.of());
  }
}
