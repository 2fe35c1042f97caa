package dev.ember.server.catalog;

import dev.ember.server.pgwire.PgType;
import dev.ember.sql.parser.CalciteParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * The rows of the pg_catalog tables about the server rather than the catalog: types, the one
 * database and role, settings, access methods, tablespaces, keywords and this connection's
 * activity.
 */
final class PgServerRows {
  private static final int PG_CATALOG = CatalogSnapshot.PG_CATALOG_OID;
  private static final int OWNER = PgRelationRows.OWNER;
  /** The database's OID, as PostgreSQL numbers its first user database. */
  static final int DATABASE_OID = 16_384;

  /** A type PostgreSQL clients meet: OID, name, length, category and its array type's OID. */
  record TypeRow(int oid, String name, int length, char category, int array, int element) {}

  /** Types beyond {@link PgType}'s that catalog columns and clients use. */
  private static final List<TypeRow> EXTRA_TYPES = List.of(
      new TypeRow(18, "char", 1, 'Z', 1002, 0), new TypeRow(19, "name", 64, 'S', 1003, 0),
      new TypeRow(22, "int2vector", -1, 'A', 1006, 21), new TypeRow(24, "regproc", 4, 'N', 1008, 0),
      new TypeRow(28, "xid", 4, 'U', 1011, 0), new TypeRow(30, "oidvector", -1, 'A', 1013, 26),
      new TypeRow(114, "json", -1, 'U', 199, 0), new TypeRow(1042, "bpchar", -1, 'S', 1014, 0),
      new TypeRow(1083, "time", 8, 'D', 1183, 0), new TypeRow(2205, "regclass", 4, 'N', 2210, 0),
      new TypeRow(2206, "regtype", 4, 'N', 2211, 0), new TypeRow(2249, "record", -1, 'P', 2287, 0),
      new TypeRow(2278, "void", 4, 'P', 0, 0),
      new TypeRow(1000, "_bool", -1, 'A', 0, 16), new TypeRow(1005, "_int2", -1, 'A', 0, 21),
      new TypeRow(1007, "_int4", -1, 'A', 0, 23), new TypeRow(1009, "_text", -1, 'A', 0, 25),
      new TypeRow(1015, "_varchar", -1, 'A', 0, 1043), new TypeRow(1016, "_int8", -1, 'A', 0, 20),
      new TypeRow(1021, "_float4", -1, 'A', 0, 700), new TypeRow(1022, "_float8", -1, 'A', 0, 701),
      new TypeRow(1028, "_oid", -1, 'A', 0, 26),
      new TypeRow(1001, "_bytea", -1, 'A', 0, 17), new TypeRow(1185, "_timestamptz", -1, 'A', 0, 1184),
      new TypeRow(1187, "_interval", -1, 'A', 0, 1186), new TypeRow(1231, "_numeric", -1, 'A', 0, 1700),
      new TypeRow(1182, "_date", -1, 'A', 0, 1082), new TypeRow(1115, "_timestamp", -1, 'A', 0, 1114));

  private PgServerRows() {}

  /** Every type's row: Ember's wire types, then the extras. */
  static List<TypeRow> allTypes() {
    List<TypeRow> out = new ArrayList<>();
    for (PgType t : PgType.values()) {
      if (!t.isArray()) out.add(new TypeRow(t.oid(), t.typname(), t.length(), category(t), array(t), 0));
    }
    out.addAll(EXTRA_TYPES);
    return out;
  }

  static List<Object[]> types(PgTableDef d) {
    List<Object[]> rows = new ArrayList<>();
    for (TypeRow t : allTypes()) {
      boolean isArray = t.category() == 'A';
      String io = isArray ? "array" : t.name();
      char type = t.category() == 'P' ? 'p' : 'b';
      rows.add(d.row(t.oid(), t.name(), PG_CATALOG, OWNER, t.length(), t.length() > 0 && t.length() <= 8, type,
          t.category(), t.oid() == 25 || t.oid() == 701 || t.oid() == 16, true, ',', 0,
          isArray ? "array_subscript_handler" : "-", t.element(), t.array(), io + "_in", io + "_out",
          io + "_recv", io + "_send", "-", "-", "-", t.length() == 8 ? 'd' : 'i', t.length() < 0 ? 'x' : 'p',
          false, 0, -1, 0, t.category() == 'S' ? 100 : 0, null, null, null));
    }
    return rows;
  }

  private static char category(PgType t) {
    return switch (t) {
      case BOOL -> 'B';
      case BYTEA -> 'U';
      case INT8, INT2, INT4, OID, FLOAT4, FLOAT8, NUMERIC -> 'N';
      case TEXT, VARCHAR -> 'S';
      case UNKNOWN -> 'X';
      case DATE, TIMESTAMP, TIMESTAMPTZ -> 'D';
      case INTERVAL -> 'T';
      default -> 'A'; // the array types, listed with their elements in EXTRA_TYPES
    };
  }

  private static int array(PgType t) {
    return switch (t) {
      case BOOL -> 1000;
      case BYTEA -> 1001;
      case INT8 -> 1016;
      case INT2 -> 1005;
      case INT4 -> 1007;
      case TEXT -> 1009;
      case OID -> 1028;
      case FLOAT4 -> 1021;
      case FLOAT8 -> 1022;
      case UNKNOWN -> 0;
      case VARCHAR -> 1015;
      case DATE -> 1182;
      case TIMESTAMP -> 1115;
      case TIMESTAMPTZ -> 1185;
      case INTERVAL -> 1187;
      case NUMERIC -> 1231;
      default -> 0; // an array type has no array type of its own
    };
  }

  static List<Object[]> databases(PgTableDef d, PgTables.Context cx) {
    return List.<Object[]>of(d.row(DATABASE_OID, cx.database(), OWNER, 6, 'c', false, true, -1, 0, 0, 1663, "C", "C",
        null, null, null));
  }

  static List<Object[]> roles(PgTableDef d, PgTables.Context cx) {
    return List.<Object[]>of(d.row(cx.user(), false, true, false, false, true, false, -1, "********", null, false, null,
        OWNER));
  }

  static List<Object[]> users(PgTableDef d, PgTables.Context cx) {
    return List.<Object[]>of(d.row(cx.user(), OWNER, false, false, false, false, "********", null, null));
  }

  static List<Object[]> settings(PgTableDef d, PgTables.Context cx) {
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<String, String> e : cx.settings().all().entrySet()) {
      rows.add(d.row(e.getKey(), e.getValue(), null, "Ember", "", null, "user", "string", "session", null, null,
          null, e.getValue(), e.getValue(), null, null, false));
    }
    return rows;
  }

  static List<Object[]> accessMethods(PgTableDef d) {
    return List.of(d.row(PgRelationRows.HEAP_AM, "heap", "heap_tableam_handler", 't'),
        d.row(403, "btree", "bthandler", 'i'));
  }

  static List<Object[]> tablespaces(PgTableDef d) {
    return List.of(d.row(1663, "pg_default", OWNER, null, null), d.row(1664, "pg_global", OWNER, null, null));
  }

  /** The words of Ember's SQL parser: reserved ones ('R') cannot be names without quotes. */
  static List<Object[]> keywords(PgTableDef d) {
    SqlAbstractParserImpl.Metadata meta = SqlParser.create("", CalciteParser.CONFIG).getMetadata();
    TreeSet<String> words = new TreeSet<>();
    for (String token : meta.getTokens()) {
      if (token.matches("[A-Z_]+")) words.add(token.toLowerCase(Locale.ROOT));
    }
    List<Object[]> rows = new ArrayList<>();
    for (String w : words) {
      boolean reserved = meta.isReservedWord(w.toUpperCase(Locale.ROOT));
      rows.add(d.row(w, reserved ? 'R' : 'U', !reserved, reserved ? "reserved" : "unreserved",
          reserved ? "requires AS" : "can be bare label"));
    }
    return rows;
  }

  static List<Object[]> activity(PgTableDef d, PgTables.Context cx) {
    return List.<Object[]>of(d.row(DATABASE_OID, cx.database(), cx.settings().processId(), OWNER, cx.user(),
        cx.settings().get("application_name"), "127.0.0.1", null, null, null, "active", null));
  }
}
