package dev.ember.server.catalog;

import dev.ember.api.Session;
import dev.ember.catalyst.catalog.Catalog;
import dev.ember.catalyst.catalog.Table;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.Utf8String;
import dev.ember.server.catalog.CatalogSnapshot.Namespace;
import dev.ember.server.catalog.CatalogSnapshot.Relation;
import dev.ember.server.pgwire.PgType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code information_schema} as a schema of one session's catalog: {@code schemata},
 * {@code tables}, {@code columns} and {@code views}, computed from Ember's catalog each time a
 * query names them, so ordinary SQL (filters, joins, ORDER BY) over them runs on the engine.
 * Names and values follow PostgreSQL's (and the SQL standard's) views where Ember has them.
 */
public final class InformationSchema implements Catalog {
  public static final String NAME = "information_schema";
  private static final List<String> TABLES = List.of("columns", "schemata", "tables", "views");

  private final Session session;
  private final String database;

  public InformationSchema(Session session, String database) {
    this.session = session;
    this.database = database;
  }

  @Override public Optional<Table> table(List<String> path) {
    if (path.size() != 1) return Optional.empty();
    return switch (path.get(0).toLowerCase(Locale.ROOT)) {
      case "schemata" -> Optional.of(schemata(new CatalogSnapshot(session)));
      case "tables" -> Optional.of(tables(new CatalogSnapshot(session)));
      case "columns" -> Optional.of(columns(new CatalogSnapshot(session)));
      case "views" -> Optional.of(views(new CatalogSnapshot(session)));
      default -> Optional.empty();
    };
  }

  @Override public List<String> schemaNames(List<String> schemaPath) { return List.of(); }

  @Override public List<String> tableNames(List<String> schemaPath) { return schemaPath.isEmpty() ? TABLES : List.of(); }

  private Table schemata(CatalogSnapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Namespace n : s.namespaces()) rows.add(new Object[] {text(database), text(n.name()), text("ember")});
    return new RowsTable("schemata", schema(varchar("catalog_name"), varchar("schema_name"), varchar("schema_owner")), rows);
  }

  private Table tables(CatalogSnapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Relation r : s.relations()) {
      String type = r.temporary() ? "LOCAL TEMPORARY" : r.kind() == 'v' ? "VIEW" : "BASE TABLE";
      rows.add(new Object[] {text(database), text(r.namespace().name()), text(r.name()), text(type)});
    }
    return new RowsTable("tables", schema(varchar("table_catalog"), varchar("table_schema"), varchar("table_name"),
        varchar("table_type")), rows);
  }

  private Table views(CatalogSnapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Relation r : s.relations()) {
      if (r.kind() == 'v') rows.add(new Object[] {text(database), text(r.namespace().name()), text(r.name()), null});
    }
    return new RowsTable("views", schema(varchar("table_catalog"), varchar("table_schema"), varchar("table_name"),
        varchar("view_definition")), rows);
  }

  private Table columns(CatalogSnapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Relation r : s.relations()) {
      if (!r.namespace().name().equals("public") && !r.namespace().name().endsWith(".tiny")
          && !r.namespace().name().endsWith(".sf1")) {
        continue; // the larger scale factors repeat the same columns; they stay out of the listing
      }
      int position = 0;
      for (Field f : s.columns(r)) {
        DataType t = f.type();
        PgType p = PgType.of(t);
        rows.add(new Object[] {text(database), text(r.namespace().name()), text(r.name()), text(f.name()), ++position,
            null, text(f.nullable() ? "YES" : "NO"), text(t.isDecimal() ? "numeric" : p.sqlName()),
            t.isDecimal() ? (Object) t.precision() : precision(t), t.isDecimal() ? (Object) t.scale() : scale(t),
            text(p.typname())});
      }
    }
    return new RowsTable("columns", schema(varchar("table_catalog"), varchar("table_schema"), varchar("table_name"),
        varchar("column_name"), integer("ordinal_position"), varchar("column_default"), varchar("is_nullable"),
        varchar("data_type"), integer("numeric_precision"), integer("numeric_scale"), varchar("udt_name")), rows);
  }

  private static Integer precision(DataType t) {
    return switch (t.id()) {
      case TINYINT, SMALLINT -> 16;
      case INT -> 32;
      case BIGINT -> 64;
      case FLOAT -> 24;
      case DOUBLE -> 53;
      default -> null;
    };
  }

  private static Integer scale(DataType t) { return t.isIntegral() ? 0 : null; }

  private static Field varchar(String name) { return new Field(name, DataType.VARCHAR, true); }

  private static Field integer(String name) { return new Field(name, DataType.INT, true); }

  private static Schema schema(Field... fields) { return new Schema(List.of(fields)); }

  private static Utf8String text(String s) { return Utf8String.of(s); }
}
