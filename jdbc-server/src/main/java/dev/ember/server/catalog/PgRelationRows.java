package dev.ember.server.catalog;

import dev.ember.catalyst.types.Field;
import dev.ember.server.catalog.CatalogSnapshot.Namespace;
import dev.ember.server.catalog.CatalogSnapshot.Relation;
import dev.ember.server.pgwire.PgType;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the pg_catalog tables about schemas, tables and columns, from a
 * {@link CatalogSnapshot}: every relation is a heap table ('r') or a view ('v') owned by the
 * connected user (role OID {@value #OWNER}), with no indexes, rules, triggers or partitions.
 */
final class PgRelationRows {
  /** The one role: the connected user. */
  static final int OWNER = 10;
  static final int HEAP_AM = 2;

  private PgRelationRows() {}

  static List<Object[]> namespaces(PgTableDef d, PgTables.Context cx) {
    List<Object[]> rows = new ArrayList<>();
    for (Namespace n : cx.snapshot().namespaces()) rows.add(d.row(n.oid(), n.name(), OWNER, null));
    return rows;
  }

  static List<Object[]> classes(PgTableDef d, PgTables.Context cx) {
    CatalogSnapshot s = cx.snapshot();
    List<Object[]> rows = new ArrayList<>();
    for (Relation r : s.relations()) {
      int columns = s.columns(r).size();
      rows.add(d.row(r.oid(), r.name(), r.namespace().oid(), 0, 0, OWNER, r.kind() == 'r' ? HEAP_AM : 0,
          0, 0, 0, -1f, 0, 0, false, false, r.temporary() ? 't' : 'p', r.kind(), columns, 0, false, false, false,
          false, false, true, 'd', false, 0, 0, 0, null, null, null));
    }
    return rows;
  }

  static List<Object[]> attributes(PgTableDef d, PgTables.Context cx) {
    CatalogSnapshot s = cx.snapshot();
    List<Object[]> rows = new ArrayList<>();
    for (Relation r : s.relations()) {
      int n = 0;
      for (Field f : s.columns(r)) {
        PgType t = PgType.of(f.type());
        boolean byValue = t.length() > 0 && t.length() <= 8;
        rows.add(d.row(r.oid(), f.name(), t.oid(), -1, t.length(), ++n, 0, -1, PgType.typmod(f.type()), byValue,
            t.length() == 8 ? 'd' : 'i', t.length() < 0 ? 'x' : 'p', "", !f.nullable(), false, false, "", "", false,
            true, 0, t.length() < 0 && t != PgType.BYTEA && t != PgType.NUMERIC ? 100 : 0, null, null, null));
      }
    }
    return rows;
  }

  static List<Object[]> tables(PgTableDef d, PgTables.Context cx) {
    List<Object[]> rows = new ArrayList<>();
    for (Relation r : cx.snapshot().relations()) {
      if (r.kind() == 'r') rows.add(d.row(r.namespace().name(), r.name(), cx.user(), null, false, false, false, false));
    }
    return rows;
  }

  static List<Object[]> views(PgTableDef d, PgTables.Context cx) {
    List<Object[]> rows = new ArrayList<>();
    for (Relation r : cx.snapshot().relations()) {
      if (r.kind() == 'v') rows.add(d.row(r.namespace().name(), r.name(), cx.user(), null));
    }
    return rows;
  }
}
