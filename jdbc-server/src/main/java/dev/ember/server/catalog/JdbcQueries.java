package dev.ember.server.catalog;

import dev.ember.catalyst.types.Field;
import dev.ember.server.catalog.CatalogSnapshot.Namespace;
import dev.ember.server.catalog.CatalogSnapshot.Relation;
import dev.ember.server.pgwire.CatalogAnswerer.Answer;
import dev.ember.server.pgwire.PgType;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The metadata queries of pgJDBC 42.7's {@code DatabaseMetaData}: getSchemas, getTables,
 * getColumns and getCatalogs, recognised by their column aliases and answered from the snapshot
 * with pgJDBC's LIKE filters applied.
 */
final class JdbcQueries {
  private JdbcQueries() {}

  static Answer answer(ClientQuery q) {
    if (q.has("as \"table_type\"", "pg_catalog.pg_class c")) return tables(q);
    if (q.has("nspname as \"table_schem\"", "from pg_catalog.pg_namespace")) return schemas(q);
    if (q.has("row_number() over (partition by a.attrelid order by a.attnum) as attnum")) return columns(q);
    if (q.has("datname as \"table_cat\" from pg_catalog.pg_database")) {
      return new Rows().text("TABLE_CAT").row(q.settings.get("database")).answer();
    }
    return null;
  }

  private static Answer schemas(ClientQuery q) {
    Predicate<String> schema = q.likeOn("nspname");
    Rows rows = new Rows().text("TABLE_SCHEM", "TABLE_CATALOG");
    q.catalog().namespaces().stream().map(Namespace::name).filter(schema).sorted()
        .forEach(n -> rows.row(n, q.settings.get("database")));
    return rows.answer();
  }

  private static Answer tables(ClientQuery q) {
    Predicate<String> name = q.likeOn("c.relname");
    Predicate<String> schema = q.likeOn("n.nspname");
    boolean anyType = !q.has("c.relkind = '");
    boolean tables = anyType || q.has("c.relkind = 'r'");
    boolean views = anyType || q.has("c.relkind = 'v'");
    Rows rows = new Rows().text("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS", "TYPE_CAT",
        "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");
    q.catalog().relations().stream()
        .filter(r -> r.kind() == 'r' ? tables : views)
        .filter(r -> name.test(r.name()) && schema.test(r.namespace().name()))
        .sorted(Comparator.comparing(JdbcQueries::type).thenComparing(r -> r.namespace().name())
            .thenComparing(Relation::name))
        .forEach(r -> rows.row(q.settings.get("database"), r.namespace().name(), r.name(), type(r), null,
            "", "", "", "", ""));
    return rows.answer();
  }

  private static String type(Relation r) {
    if (r.temporary()) return "TEMPORARY VIEW";
    return r.kind() == 'v' ? "VIEW" : "TABLE";
  }

  private static Answer columns(ClientQuery q) {
    Predicate<String> table = q.likeOn("c.relname");
    Predicate<String> schema = q.likeOn("n.nspname");
    Predicate<String> column = q.likeOn("attname");
    Rows rows = new Rows().text("current_database", "nspname", "relname", "attname").integer("atttypid")
        .bool("attnotnull").integer("atttypmod", "attlen", "typtypmod", "attnum")
        .text("attidentity", "attgenerated", "adsrc", "description").integer("typbasetype").text("typtype");
    List<Relation> rels = q.catalog().relations().stream()
        .filter(r -> table.test(r.name()) && schema.test(r.namespace().name()))
        .sorted(Comparator.comparing((Relation r) -> r.namespace().name()).thenComparing(Relation::name)).toList();
    for (Relation r : rels) {
      int n = 0;
      for (Field f : q.catalog().columns(r)) {
        n++;
        if (!column.test(f.name())) continue;
        PgType t = PgType.of(f.type());
        rows.row(q.settings.get("database"), r.namespace().name(), r.name(), f.name(), t.oid(), !f.nullable(),
            PgType.typmod(f.type()), t.length(), -1, n, null, null, null, null, 0, "b");
      }
    }
    return rows.answer();
  }
}
