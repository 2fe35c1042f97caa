package dev.ember.server.catalog;

import dev.ember.api.Session;
import dev.ember.server.catalog.CatalogSnapshot.Relation;
import dev.ember.server.pgwire.ClientSettings;
import dev.ember.server.pgwire.PgType;
import dev.ember.sql.SqlMacro;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * The functions PostgreSQL clients call ({@code version()}, {@code current_database()},
 * {@code format_type(oid, typmod)}, {@code pg_table_is_visible(oid)}, …) as macros of one
 * connection's session, so they work anywhere in a query the engine runs. Bodies that depend on
 * the connection (user, database, settings) or the catalog (which tables are visible) are
 * computed when a query calls them. Functions about objects Ember does not have (defaults,
 * constraints, comments, view definitions) return NULL; privilege checks return true, as every
 * user may read everything.
 */
public final class PgFunctions {
  private static final String NULL_TEXT = "CAST(NULL AS VARCHAR)";

  private PgFunctions() {}

  /**
   * The functions whose bodies are the same for every connection, built once per process: a
   * connection only adds them to its session.
   */
  private static final List<SqlMacro> FIXED = fixedMacros();

  /** Registers every client function in {@code session}. */
  public static void register(Session session, ClientSettings settings) {
    for (SqlMacro m : FIXED) session.state().registerMacro(m);
    Registrar r = new Registrar(session);
    r.computed("current_database", "", () -> literal(settings.get("database")));
    r.computed("current_catalog", "", () -> literal(settings.get("database")));
    for (String name : List.of("current_user", "session_user", "current_role")) {
      r.computed(name, "", () -> literal(settings.get("user")));
    }
    r.computed("pg_get_userbyid", "o", () -> literal(settings.get("user")));
    r.computed("current_setting", "name", () -> currentSetting(settings));
    r.computed("pg_backend_pid", "", () -> Integer.toString(settings.processId()));
    r.computed("pg_table_is_visible", "o", () -> tableIsVisible(session));
  }

  private static List<SqlMacro> fixedMacros() {
    List<SqlMacro> out = new java.util.ArrayList<>();
    Fixed r = (name, params, body) -> out.add(SqlMacro.of(name, params(params), body));
    r.add("version", "", literal("PostgreSQL " + ClientSettings.SERVER_VERSION + " on the JVM, Ember analytic SQL engine"));
    r.add("current_schema", "", "'public'");
    r.add("current_schemas", "b", "CASE WHEN b THEN '{pg_catalog,public}' ELSE '{public}' END");
    r.add("pg_is_in_recovery", "", "FALSE");
    r.add("pg_encoding_to_char", "e", "CASE WHEN e IS NULL THEN " + NULL_TEXT + " ELSE 'UTF8' END");
    r.add("format_type", "t, m", formatType());
    for (String name : List.of("pg_type_is_visible", "pg_function_is_visible")) {
      r.add(name, "o", "CASE WHEN o IS NULL THEN CAST(NULL AS BOOLEAN) ELSE TRUE END");
    }
    for (String name : List.of("has_table_privilege", "has_schema_privilege", "has_database_privilege",
        "has_any_column_privilege", "has_function_privilege")) {
      r.add(name, "a, b", "TRUE");
      r.add(name, "a, b, c", "TRUE");
    }
    r.add("has_column_privilege", "a, b, c", "TRUE");
    r.add("has_column_privilege", "a, b, c, d", "TRUE");
    for (String params : List.of("o", "o, c")) {
      r.add("obj_description", params, NULL_TEXT);
      r.add("pg_get_viewdef", params, NULL_TEXT);
      r.add("pg_get_constraintdef", params, NULL_TEXT);
    }
    r.add("col_description", "o, n", NULL_TEXT);
    r.add("shobj_description", "o, c", NULL_TEXT);
    r.add("pg_get_expr", "e, r", NULL_TEXT);
    r.add("pg_get_expr", "e, r, p", NULL_TEXT);
    r.add("pg_get_indexdef", "o", NULL_TEXT);
    r.add("pg_get_indexdef", "o, c, p", NULL_TEXT);
    r.add("pg_get_triggerdef", "o", NULL_TEXT);
    r.add("pg_get_partkeydef", "o", NULL_TEXT);
    r.add("pg_get_function_result", "o", NULL_TEXT);
    r.add("pg_get_function_arguments", "o", NULL_TEXT);
    r.add("pg_get_function_identity_arguments", "o", NULL_TEXT);
    r.add("pg_tablespace_location", "o", "''");
    r.add("pg_get_statisticsobjdef_columns", "o", NULL_TEXT);
    r.add("pg_relation_is_publishable", "o", "FALSE");
    r.add("pg_is_other_temp_schema", "o", "FALSE");
    for (String name : List.of("pg_relation_size", "pg_total_relation_size", "pg_table_size", "pg_indexes_size")) {
      r.add(name, "o", "CAST(0 AS BIGINT)");
    }
    r.add("pg_size_pretty", "n", "CAST(n AS VARCHAR) || ' bytes'");
    // Arrays are text in Ember ('{a,b}'): joined as PostgreSQL would print the elements.
    r.add("array_to_string", "a, s", "REPLACE(REPLACE(REPLACE(a, '{', ''), '}', ''), ',', s)");
    return List.copyOf(out);
  }

  /** Adds a macro with a fixed body. */
  private interface Fixed {
    void add(String name, String params, String body);
  }

  /** Registers macros whose bodies depend on the connection in one session. */
  private record Registrar(Session session) {
    void computed(String name, String params, Supplier<String> body) {
      session.state().registerMacro(new SqlMacro(name, params(params), body));
    }
  }

  private static List<String> params(String params) {
    return params.isEmpty() ? List.of() : List.of(params.split("\\s*,\\s*"));
  }

  /** A SQL string literal. */
  static String literal(String s) {
    return s == null ? NULL_TEXT : "'" + s.replace("'", "''") + "'";
  }

  /**
   * {@code format_type(type_oid, typmod)}: the SQL name of each type Ember knows, numerics with
   * their precision and scale from the typmod ({@code ((p << 16) | s) + 4}).
   */
  private static String formatType() {
    StringBuilder sb = new StringBuilder("CASE WHEN t IS NULL THEN ").append(NULL_TEXT);
    sb.append(" WHEN t = 1700 AND m >= 4 THEN 'numeric(' || CAST(CAST(FLOOR((m - 4) / 65536) AS INTEGER) AS VARCHAR)")
        .append(" || ',' || CAST(MOD(m - 4, 65536) AS VARCHAR) || ')'");
    for (PgType p : PgType.values()) sb.append(" WHEN t = ").append(p.oid()).append(" THEN ").append(literal(p.sqlName()));
    for (Object[] extra : new Object[][] {{18, "\"char\""}, {19, "name"}, {1042, "character"}, {2205, "regclass"},
        {2206, "regtype"}, {24, "regproc"}, {1083, "time without time zone"}, {114, "json"}}) {
      sb.append(" WHEN t = ").append(extra[0]).append(" THEN ").append(literal((String) extra[1]));
    }
    return sb.append(" ELSE '???' END").toString();
  }

  /** {@code pg_table_is_visible(oid)}: true for the relations of the schemas on the search path. */
  private static String tableIsVisible(Session session) {
    StringJoiner oids = new StringJoiner(", ", "(o IN (", "))");
    for (Relation r : new CatalogSnapshot(session).relations()) {
      if (CatalogSnapshot.visible(r.namespace())) oids.add(Integer.toString(r.oid()));
    }
    return oids.toString();
  }

  /** {@code current_setting('name')}: the connection's value, NULL for an unknown name. */
  private static String currentSetting(ClientSettings settings) {
    StringBuilder sb = new StringBuilder("CASE LOWER(name)");
    for (Map.Entry<String, String> e : settings.all().entrySet()) {
      sb.append(" WHEN ").append(literal(e.getKey().toLowerCase(java.util.Locale.ROOT))).append(" THEN ")
          .append(literal(e.getValue()));
    }
    return sb.append(" ELSE ").append(NULL_TEXT).append(" END").toString();
  }
}
