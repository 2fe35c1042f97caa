package dev.ember.server.catalog;

import dev.ember.api.Session;
import dev.ember.catalyst.catalog.Catalog;
import dev.ember.catalyst.catalog.Table;
import dev.ember.server.pgwire.ClientSettings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pg_catalog} as a schema of one session's catalog: PostgreSQL's system tables with their
 * column names, computed from Ember's catalog when a query scans them, so ordinary SQL (joins,
 * filters, ORDER BY) over them runs on the engine. The session searches it first for one-part
 * names, as PostgreSQL does, so {@code pg_class} and {@code pg_catalog.pg_class} are the same.
 * Tables for objects Ember does not have (indexes, constraints, triggers, policies, inheritance,
 * publications, …) exist with their columns and no rows, which is the true answer.
 */
public final class PgCatalog implements Catalog {
  public static final String NAME = "pg_catalog";

  /** PostgreSQL's own OIDs for the system tables clients refer to by OID; the others get 12000+. */
  private static final Map<String, Integer> KNOWN_OIDS = Map.ofEntries(
      Map.entry("pg_type", 1247), Map.entry("pg_attribute", 1249), Map.entry("pg_proc", 1255),
      Map.entry("pg_class", 1259), Map.entry("pg_database", 1262), Map.entry("pg_namespace", 2615),
      Map.entry("pg_description", 2609), Map.entry("pg_index", 2610), Map.entry("pg_constraint", 2606),
      Map.entry("pg_attrdef", 2604), Map.entry("pg_am", 2601), Map.entry("pg_inherits", 2611),
      Map.entry("pg_trigger", 2620), Map.entry("pg_rewrite", 2618), Map.entry("pg_policy", 3256),
      Map.entry("pg_collation", 3456), Map.entry("pg_tablespace", 1213), Map.entry("pg_extension", 3079),
      Map.entry("pg_depend", 2608), Map.entry("pg_statistic_ext", 3381), Map.entry("pg_foreign_table", 3118),
      Map.entry("pg_publication", 6104), Map.entry("pg_publication_rel", 6106), Map.entry("pg_enum", 3501));

  /** Every table, in the order {@link #tableNames} lists them. */
  static final List<String> TABLES = PgTables.NAMES;

  private final Session session;
  private final ClientSettings settings;

  public PgCatalog(Session session, ClientSettings settings) {
    this.session = session;
    this.settings = settings;
  }

  /** The OID of system table {@code name}. */
  static int oidOf(String name) {
    Integer known = KNOWN_OIDS.get(name);
    return known != null ? known : 12_000 + TABLES.indexOf(name);
  }

  @Override public Optional<Table> table(List<String> path) {
    if (path.size() != 1) return Optional.empty();
    String name = path.get(0).toLowerCase(Locale.ROOT);
    if (!PgTables.NAMES.contains(name)) return Optional.empty();
    return Optional.of(PgTables.table(name, new PgTables.Context(session, settings)));
  }

  @Override public List<String> schemaNames(List<String> schemaPath) { return List.of(); }

  @Override public List<String> tableNames(List<String> schemaPath) { return schemaPath.isEmpty() ? TABLES : List.of(); }
}
