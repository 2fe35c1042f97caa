package dev.ember.server.catalog;

import dev.ember.catalyst.types.Field;
import dev.ember.server.catalog.CatalogSnapshot.Relation;
import dev.ember.server.pgwire.CatalogAnswerer.Answer;
import dev.ember.server.pgwire.PgType;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The catalog queries psql 15 sends for {@code \d}, {@code \dt}, {@code \dv} and {@code \d name},
 * recognised by their fixed fragments and answered from the snapshot. The footer queries of
 * {@code \d name} (policies, statistics, publications, inheritance) have no Ember counterpart and
 * get empty results.
 */
final class PsqlQueries {
  private PsqlQueries() {}

  static Answer answer(ClientQuery q) {
    if (q.has("from pg_catalog.pg_class c", "pg_catalog.pg_get_userbyid(c.relowner) as \"owner\"")) return list(q);
    if (q.has("select c.oid, n.nspname, c.relname from pg_catalog.pg_class c")) return lookup(q);
    if (q.has("select c.relchecks, c.relkind, c.relhasindex")) return tableInfo(q);
    if (q.has("from pg_catalog.pg_attribute a", "a.attrelid = '", "pg_catalog.format_type(a.atttypid, a.atttypmod)")) {
      return columns(q);
    }
    return null;
  }

  /**
   * The schema filter: psql's pattern when it gave one, else "visible" — as if the search path were
   * {@code public, tpch.tiny, tpcds.tiny}, so a plain {@code \dt} is not a list of every scale factor.
   */
  private static Predicate<String> visibleOr(ClientQuery q) {
    if (q.has("n.nspname operator(pg_catalog.~)") || !q.has("pg_table_is_visible(c.oid)")) return q.regexOn("n.nspname");
    return s -> s.equals("public") || s.endsWith(".tiny");
  }

  /** {@code \d}, {@code \dt}, {@code \dv}: Schema, Name, Type, Owner. */
  private static Answer list(ClientQuery q) {
    int in = q.norm.indexOf("c.relkind in (");
    String kinds = in < 0 ? "'r','v'" : q.norm.substring(in, q.norm.indexOf(')', in));
    Predicate<String> name = q.regexOn("c.relname");
    Predicate<String> schema = visibleOr(q);
    Rows rows = new Rows().text("Schema", "Name", "Type", "Owner");
    q.catalog().relations().stream()
        .filter(r -> kinds.contains("'" + r.kind() + "'"))
        .filter(r -> name.test(r.name()) && schema.test(r.namespace().name()))
        .sorted(Comparator.comparing((Relation r) -> r.namespace().name()).thenComparing(Relation::name))
        .forEach(r -> rows.row(r.namespace().name(), r.name(), r.kind() == 'v' ? "view" : "table", q.settings.get("user")));
    return rows.answer();
  }

  /** The first step of {@code \d name}: the OIDs of the matching relations. */
  private static Answer lookup(ClientQuery q) {
    Predicate<String> name = q.regexOn("c.relname");
    Predicate<String> schema = visibleOr(q);
    Rows rows = new Rows().integer("oid").text("nspname", "relname");
    q.catalog().relations().stream()
        .filter(r -> name.test(r.name()) && schema.test(r.namespace().name()))
        .sorted(Comparator.comparing((Relation r) -> r.namespace().name()).thenComparing(Relation::name))
        .forEach(r -> rows.row(r.oid(), r.namespace().name(), r.name()));
    return rows.answer();
  }

  /** The second step: the relation's flags (no checks, indexes, rules, triggers or partitions). */
  private static Answer tableInfo(ClientQuery q) {
    Rows rows = new Rows().integer("relchecks").text("relkind")
        .bool("relhasindex", "relhasrules", "relhastriggers", "relrowsecurity", "relforcerowsecurity", "relhasoids",
            "relispartition")
        .text("?column?").integer("reltablespace").text("reloftype", "relpersistence", "relreplident", "amname");
    Optional<Relation> r = q.catalog().relation(q.oidOf("c.oid"));
    r.ifPresent(rel -> rows.row(0, rel.kind(), false, false, false, false, false, false, false, "", 0, "",
        rel.temporary() ? "t" : "p", "d", rel.kind() == 'r' ? "heap" : null));
    return rows.answer();
  }

  /** The third step: the columns, with psql's optional extra ones for {@code \d+}. */
  private static Answer columns(ClientQuery q) {
    boolean identity = q.has("a.attidentity");
    boolean generated = q.has("a.attgenerated");
    boolean storage = q.has("a.attstorage");
    boolean stats = q.has("attstattarget");
    boolean description = q.has("col_description");
    Rows rows = new Rows().text("attname", "format_type", "default").bool("attnotnull").text("attcollation");
    if (identity) rows.text("attidentity");
    if (generated) rows.text("attgenerated");
    if (storage) rows.text("attstorage");
    if (stats) rows.integer("attstattarget");
    if (description) rows.text("description");
    Optional<Relation> rel = q.catalog().relation(q.oidOf("a.attrelid"));
    if (rel.isEmpty()) return rows.answer();
    for (Field f : q.catalog().columns(rel.get())) {
      List<Object> values = new java.util.ArrayList<>(List.of(f.name(), PgType.formatType(f.type())));
      values.add(null);
      values.add(!f.nullable());
      values.add(null);
      if (identity) values.add("");
      if (generated) values.add("");
      if (storage) values.add(PgType.of(f.type()).length() < 0 ? "x" : "p");
      if (stats) values.add(-1);
      if (description) values.add(null);
      rows.row(values.toArray());
    }
    return rows.answer();
  }
}
