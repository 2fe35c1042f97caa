package dev.ember.server.catalog;

import dev.ember.catalyst.types.Field;
import dev.ember.server.catalog.CatalogSnapshot.Relation;
import dev.ember.server.pgwire.CatalogAnswerer.Answer;
import dev.ember.server.pgwire.PgType;
import java.util.List;
import java.util.Optional;

/**
 * The one catalog query of psql 15 the engine cannot run: the column list of {@code \d name},
 * whose default and collation columns are correlated scalar subqueries Ember does not plan
 * (the other {@code \d}, {@code \dt}, {@code \dn}, {@code \l} queries run on the engine over
 * pg_catalog). Recognised by its fixed fragments and answered from the snapshot.
 */
final class PsqlQueries {
  private PsqlQueries() {}

  static Answer answer(ClientQuery q) {
    if (q.has("from pg_catalog.pg_attribute a", "a.attrelid = '", "pg_catalog.format_type(a.atttypid, a.atttypmod)")) {
      return columns(q);
    }
    return null;
  }

  /** The columns, with psql's optional extra ones for {@code \d+}. */
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
