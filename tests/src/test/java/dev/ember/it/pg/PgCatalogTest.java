package dev.ember.it.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.it.TpchData;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

/**
 * pg_catalog as tables the engine queries, PostgreSQL syntax ({@code ::}, {@code ~}), the client
 * functions in ordinary SQL, and the catalog queries BI tools send (SQLAlchemy/Superset, Metabase
 * through pgJDBC's metadata SQL, DBeaver), all through the stock pgJDBC driver.
 */
class PgCatalogTest extends ServerAndDuckDb {
  private static List<List<String>> rows(Connection c, String sql) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) row.add(rs.getString(i));
        out.add(row);
      }
    }
    return out;
  }

  private static String one(Connection c, String sql) throws SQLException {
    List<List<String>> r = rows(c, sql);
    assertEquals(1, r.size(), sql);
    return r.get(0).get(0);
  }

  /** The PostgreSQL name of a DuckDB column type (for the TPC-H types). */
  private static String pgName(String duckType) {
    String t = duckType.toUpperCase(Locale.ROOT);
    if (t.startsWith("DECIMAL")) return t.replace("DECIMAL", "numeric").replace(" ", "");
    return switch (t) {
      case "BIGINT" -> "bigint";
      case "INTEGER" -> "integer";
      case "DATE" -> "date";
      case "VARCHAR" -> "character varying";
      case "DOUBLE" -> "double precision";
      default -> t;
    };
  }

  @Test void joinsOfClassNamespaceAndAttributeListEmberColumnsWithTheirTypes() throws SQLException {
    try (Connection c = server.connect()) {
      for (String table : List.of("lineitem", "orders", "nation")) {
        List<List<String>> actual = rows(c, "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), t.typname "
            + "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON a.attrelid = c.oid "
            + "JOIN pg_catalog.pg_namespace n ON c.relnamespace = n.oid JOIN pg_type t ON t.oid = a.atttypid "
            + "WHERE n.nspname = 'tpch.tiny' AND c.relname = '" + table + "' AND a.attnum > 0 ORDER BY a.attnum");
        List<List<String>> expected = new ArrayList<>();
        for (List<String> r : rows(duck, "SELECT column_name, data_type FROM information_schema.columns "
            + "WHERE table_name = '" + table + "' ORDER BY ordinal_position")) {
          expected.add(List.of(r.get(0), pgName(r.get(1))));
        }
        assertEquals(expected.size(), actual.size(), table);
        for (int i = 0; i < expected.size(); i++) {
          assertEquals(expected.get(i), actual.get(i).subList(0, 2), table);
          String typname = actual.get(i).get(2);
          assertTrue(actual.get(i).get(1).startsWith(typname.equals("int8") ? "bigint" : typname.equals("int4") ? "integer"
              : typname.equals("varchar") ? "character varying" : typname), actual.get(i).toString());
        }
      }
      // bare names find pg_catalog first, as PostgreSQL's search path does
      assertEquals(one(c, "SELECT count(*) FROM pg_catalog.pg_class"), one(c, "SELECT count(*) FROM pg_class"));
      assertEquals("8", one(c, "SELECT count(*) FROM pg_class c, pg_namespace n WHERE c.relnamespace = n.oid "
          + "AND n.nspname = 'tpch.tiny'"));
      // a temporary view appears in public, as a view
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TEMPORARY VIEW big_orders AS SELECT o_orderkey FROM tpch.tiny.orders WHERE o_totalprice > 1000");
      }
      assertEquals(List.of(List.of("public", "big_orders", "v", "1")), rows(c, "SELECT n.nspname, c.relname, c.relkind, "
          + "c.relnatts FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"));
    }
  }

  /** Every table pg_class lists under pg_catalog scans, with as many columns as relnatts says. */
  @Test void everyPgCatalogTableScans() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      List<List<String>> tables = rows(c, "SELECT relname, relnatts FROM pg_class WHERE relnamespace = 11 ORDER BY 1");
      assertTrue(tables.size() > 40, tables.toString());
      int nonEmpty = 0;
      for (List<String> t : tables) {
        // a bare name: no recogniser answers it, so an error would surface here
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + t.get(0))) {
          assertEquals(Integer.parseInt(t.get(1)), rs.getMetaData().getColumnCount(), t.get(0));
          if (rs.next()) nonEmpty++;
        }
      }
      // pg_namespace, pg_class, pg_attribute, pg_type, pg_database, pg_roles, pg_settings, pg_am, …
      assertTrue(nonEmpty >= 12, "tables with rows: " + nonEmpty);
    }
  }

  @Test void regclassCastsAndRegexMatchesAreRewritten() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals("1259", one(c, "SELECT 'pg_class'::regclass::int4"));
      assertEquals(one(c, "SELECT oid FROM pg_class WHERE relname = 'lineitem' AND relnamespace = "
          + "(SELECT oid FROM pg_namespace WHERE nspname = 'tpch.tiny')"), one(c, "SELECT 'lineitem'::regclass::oid"));
      assertEquals("2", one(c, "SELECT count(*) FROM pg_attribute WHERE attrelid = 'tpch.tiny.region'::regclass "
          + "AND attname::text ~ '^r_(name|comment)$'"));
      assertEquals("t", one(c, "SELECT 'abc'::text ~* 'B' AND NOT ('abc' !~ 'c') AND 'x' OPERATOR(pg_catalog.~) 'x'"));
      assertEquals("42", one(c, "SELECT '42'::int8 + 0::int2"));
      // a regex filter over TPC-H data: the same rows as DuckDB's regexp_matches
      assertEquals(rows(duck, "SELECT n_name FROM nation WHERE regexp_matches(n_name, '^[A-C]') ORDER BY n_name"),
          rows(c, "SELECT n_name::text FROM tpch.tiny.nation WHERE n_name ~ '^[A-C]' ORDER BY n_name"));
      assertEquals(rows(duck, "SELECT count(*) FROM nation WHERE NOT regexp_matches(lower(n_name), 'an')"),
          rows(c, "SELECT count(*) FROM tpch.tiny.nation WHERE n_name !~* 'AN'"));
    }
  }

  @Test void errorsOnPostgresSyntaxCarrySqlStateAndPositionInTheWrittenText() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      String sql = "SELECT x::int4, n_name ~ 'A' FROM tpch.tiny.nation";
      PSQLException e = assertThrows(PSQLException.class, () -> s.executeQuery(sql));
      assertEquals("42703", e.getSQLState());
      assertEquals(sql.indexOf("x::") + 1, e.getServerErrorMessage().getPosition());
      String unknown = "SELECT 1 FROM pg_class WHERE oid = 'no_such_table'::regclass";
      e = assertThrows(PSQLException.class, () -> s.executeQuery(unknown));
      assertEquals("42P01", e.getSQLState());
      assertEquals(unknown.indexOf("'no_such"), e.getServerErrorMessage().getPosition() - 1);
      String missing = "SELECT relname::text, nope ~ 'x' FROM pg_class";
      e = assertThrows(PSQLException.class, () -> s.executeQuery(missing));
      assertEquals("42703", e.getSQLState());
      assertEquals(missing.indexOf("nope") + 1, e.getServerErrorMessage().getPosition());
      assertEquals("1", one(c, "SELECT 1")); // the connection keeps working
    }
  }

  @Test void clientFunctionsWorkInOrdinarySql() throws SQLException {
    try (Connection c = server.connect()) {
      List<String> r = rows(c, "SELECT version(), current_schema(), current_schemas(true), current_database(), "
          + "current_user, session_user, pg_backend_pid(), pg_encoding_to_char(6), pg_get_userbyid(10)").get(0);
      assertTrue(r.get(0).startsWith("PostgreSQL 14"), r.get(0));
      assertEquals(List.of("public", "{pg_catalog,public}", "ember", "tester", "tester"), r.subList(1, 6));
      assertEquals(Integer.toString(c.unwrap(PGConnection.class).getBackendPID()), r.get(6));
      assertEquals(List.of("UTF8", "tester"), r.subList(7, 9));
      assertEquals(List.of("numeric(15,2)", "integer", "character varying", "boolean"),
          rows(c, "SELECT format_type(1700, 983046), format_type(23, -1), format_type(1043, NULL), "
              + "pg_catalog.format_type(16, -1)").get(0));
      List<String> visible = rows(c, "SELECT pg_table_is_visible('tpch.tiny.lineitem'::regclass), "
          + "pg_table_is_visible('tpch.sf1.lineitem'::regclass), pg_type_is_visible(23), "
          + "has_table_privilege('tpch.tiny.lineitem', 'SELECT'), has_schema_privilege('public', 'USAGE'), "
          + "has_database_privilege('ember', 'CONNECT')").get(0);
      assertEquals(List.of("t", "f", "t", "t", "t", "t"), visible);
      List<String> nulls = rows(c, "SELECT obj_description(1259, 'pg_class'), col_description(1259, 1), "
          + "pg_get_expr(NULL, 1259), pg_catalog.pg_get_expr('x', 1259, true)").get(0);
      assertEquals(java.util.Arrays.asList(null, null, null, null), nulls);
      // in a query over data, per row
      assertEquals(rows(duck, "SELECT count(*) FROM nation"), rows(c, "SELECT count(*) FROM tpch.tiny.nation "
          + "WHERE current_user = 'tester' AND pg_table_is_visible('tpch.tiny.nation'::regclass)"));
      // keywords: a table function in PostgreSQL, a pg_catalog table here
      assertEquals(List.of(List.of("select", "R")),
          rows(c, "SELECT word, catcode FROM pg_get_keywords() WHERE word = 'select'"));
      assertTrue(Integer.parseInt(one(c, "SELECT count(*) FROM pg_catalog.pg_get_keywords")) > 100);
    }
  }

  /** Unnamed select items are named by PostgreSQL's rules, which clients read columns by. */
  @Test void resultColumnsHavePostgresNames() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*), version(), c.relname::text, 'pg_class'::regclass, "
             + "c.relnatts + 1, CASE WHEN c.relkind = 'r' THEN 1 END, current_user, c.oid AS \"Id\" "
             + "FROM pg_catalog.pg_class c WHERE c.relname = 'pg_type' GROUP BY c.relname, c.relnatts, c.relkind, c.oid")) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) names.add(rs.getMetaData().getColumnLabel(i));
      assertEquals(List.of("count", "version", "relname", "regclass", "?column?", "case", "current_user", "Id"), names);
      assertTrue(rs.next());
      assertEquals("pg_type", rs.getString("relname"));
      assertEquals(1, rs.getLong("count"));
    }
  }

  @Test void prepareStatementsRewriteToo() throws SQLException {
    try (Connection c = server.connect();
         java.sql.PreparedStatement ps = c.prepareStatement(
             "SELECT c.relname::text FROM pg_class c WHERE c.relnamespace = $1::oid AND c.relname ~ ? ORDER BY 1"
                 .replace("$1", "?"))) {
      ps.setInt(1, 11);
      ps.setString(2, "^pg_(class|type)$");
      List<String> names = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) names.add(rs.getString(1));
      }
      assertEquals(List.of("pg_class", "pg_type"), names);
    }
  }

  /** SQLAlchemy's PostgreSQL dialect (Superset's way in): reflection queries as it sends them. */
  @Test void sqlAlchemyReflectionQueriesRunOnTheEngine() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals("tpch.tiny", one(c, "select nspname from pg_namespace where lower(nspname)='tpch.tiny'"));
      assertEquals("lineitem", one(c, "select relname from pg_class c join pg_namespace n on "
          + "n.oid=c.relnamespace where pg_catalog.pg_table_is_visible(c.oid) and relname='lineitem' "
          + "and n.nspname = 'tpch.tiny'"));
      assertEquals(List.of(), rows(c, "select relname from pg_class c join pg_namespace n on "
          + "n.oid=c.relnamespace where n.nspname='tpch.tiny' and relname='f'"));
      assertEquals(List.of(), rows(c, "SELECT relname FROM pg_class c join pg_namespace n on "
          + "n.oid=c.relnamespace where relkind='S' and n.nspname='tpch.tiny'"));
      assertEquals("f", one(c, "SELECT EXISTS (SELECT * FROM pg_catalog.pg_type t, pg_catalog.pg_namespace n "
          + "WHERE t.typnamespace = n.oid AND t.typname = 'INTEGER' AND n.nspname = 'tpch.tiny')"));
      String oid = one(c, "SELECT c.oid FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n "
          + "ON n.oid = c.relnamespace WHERE n.nspname = 'tpch.tiny' AND c.relname = 'region' "
          + "AND c.relkind in ('r', 'v', 'm', 'f', 'p')");
      List<String> schemas = new ArrayList<>();
      for (List<String> r : rows(c, "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg_%' ORDER BY nspname")) {
        schemas.add(r.get(0));
      }
      assertTrue(schemas.containsAll(List.of("information_schema", "public", "tpch.tiny", "tpcds.tiny")), schemas.toString());
      List<String> tables = new ArrayList<>();
      for (List<String> r : rows(c, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
          + "WHERE n.nspname = 'tpch.tiny' AND c.relkind in ('r', 'p') ORDER BY 1")) {
        tables.add(r.get(0));
      }
      assertEquals(TpchData.tableNames().stream().sorted().toList(), tables);
      assertEquals(List.of(), rows(c, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
          + "WHERE n.nspname = 'tpch.tiny' AND c.relkind IN ('v', 'm')"));
      // get_columns without the default-expression subquery (a correlated scalar subquery Ember does not run)
      assertEquals(List.of(List.of("r_regionkey", "bigint", "t"), List.of("r_name", "character varying", "t"),
              List.of("r_comment", "character varying", "t")),
          rows(c, "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull "
              + "FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_description pgd ON ("
              + "pgd.objoid = a.attrelid AND pgd.objsubid = a.attnum) WHERE a.attrelid = " + oid
              + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"));
      for (String empty : List.of(
          "SELECT a.attname FROM pg_class t join pg_index ix on t.oid = ix.indrelid join pg_attribute a "
              + "on t.oid=a.attrelid WHERE t.oid = " + oid + " and ix.indisprimary = 't' ORDER BY a.attnum",
          "SELECT r.conname, pg_catalog.pg_get_constraintdef(r.oid, true) as condef, n.nspname as conschema "
              + "FROM pg_catalog.pg_constraint r, pg_namespace n, pg_class c WHERE r.conrelid = " + oid
              + " AND r.contype = 'f' AND c.oid = confrelid AND n.oid = c.relnamespace ORDER BY 1",
          "SELECT pgd.description as table_comment FROM pg_catalog.pg_description pgd WHERE pgd.objsubid = 0 "
              + "AND pgd.objoid = " + oid,
          "SELECT t.typname as \"name\", pg_catalog.pg_type_is_visible(t.oid) as \"visible\", n.nspname as \"schema\", "
              + "e.enumlabel as \"label\" FROM pg_catalog.pg_type t LEFT JOIN pg_catalog.pg_namespace n "
              + "ON n.oid = t.typnamespace LEFT JOIN pg_catalog.pg_enum e ON t.oid = e.enumtypid WHERE t.typtype = 'e'")) {
        assertEquals(List.of(), rows(c, empty), empty);
      }
    }
  }

  /**
   * Metabase syncs through pgJDBC's DatabaseMetaData; this is the getTables statement pgJDBC 42
   * sends (its CASE over nspname/relkind, the description join on {@code 'pg_class'::regclass}).
   */
  @Test void metabaseTableSyncQueryRunsOnTheEngine() throws SQLException {
    String sql = "SELECT NULL AS TABLE_CAT, n.nspname AS TABLE_SCHEM, c.relname AS TABLE_NAME, "
        + " CASE n.nspname ~ '^pg_' OR n.nspname = 'information_schema' "
        + " WHEN true THEN CASE "
        + " WHEN n.nspname = 'pg_catalog' OR n.nspname = 'information_schema' THEN CASE c.relkind "
        + "  WHEN 'r' THEN 'SYSTEM TABLE' WHEN 'v' THEN 'SYSTEM VIEW' WHEN 'i' THEN 'SYSTEM INDEX' ELSE NULL END "
        + " WHEN n.nspname = 'pg_toast' THEN CASE c.relkind "
        + "  WHEN 'r' THEN 'SYSTEM TOAST TABLE' WHEN 'i' THEN 'SYSTEM TOAST INDEX' ELSE NULL END "
        + " ELSE CASE c.relkind WHEN 'r' THEN 'TEMPORARY TABLE' WHEN 'p' THEN 'TEMPORARY TABLE' "
        + "  WHEN 'i' THEN 'TEMPORARY INDEX' WHEN 'S' THEN 'TEMPORARY SEQUENCE' WHEN 'v' THEN 'TEMPORARY VIEW' "
        + "  ELSE NULL END END "
        + " WHEN false THEN CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'PARTITIONED TABLE' "
        + "  WHEN 'i' THEN 'INDEX' WHEN 'P' then 'PARTITIONED INDEX' WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' "
        + "  WHEN 'c' THEN 'TYPE' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE NULL END "
        + " ELSE NULL END AS TABLE_TYPE, d.description AS REMARKS, '' as TYPE_CAT, '' as TYPE_SCHEM, '' as TYPE_NAME, "
        + "'' AS SELF_REFERENCING_COL_NAME, '' AS REF_GENERATION "
        + " FROM pg_catalog.pg_namespace n, pg_catalog.pg_class c "
        + " LEFT JOIN pg_catalog.pg_description d ON (c.oid = d.objoid AND d.objsubid = 0 "
        + "  and d.classoid = 'pg_class'::regclass) "
        + " WHERE c.relnamespace = n.oid AND n.nspname LIKE 'tpch.tiny' AND c.relname LIKE '%' "
        + " AND (false OR ( c.relkind IN ('r','p') AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema' ) "
        + " OR ( c.relkind = 'v' AND n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema' ) ) "
        + " ORDER BY TABLE_TYPE,TABLE_SCHEM,TABLE_NAME ";
    try (Connection c = server.connect()) {
      List<List<String>> r = rows(c, sql);
      List<String> names = new ArrayList<>();
      for (List<String> row : r) {
        assertEquals("tpch.tiny", row.get(1));
        assertEquals("TABLE", row.get(3));
        assertNull(row.get(4));
        names.add(row.get(2));
      }
      assertEquals(TpchData.tableNames().stream().sorted().toList(), names);
    }
  }

  /** DBeaver's navigator: schemas, then a schema's tables, then a table's columns (its PostgreSQL plugin's queries). */
  @Test void dbeaverNavigatorQueriesRunOnTheEngine() throws SQLException {
    try (Connection c = server.connect()) {
      List<List<String>> schemas = rows(c, "SELECT n.oid,n.*,d.description FROM pg_catalog.pg_namespace n "
          + "left outer join pg_catalog.pg_description d on d.objoid=n.oid and d.objsubid=0 "
          + "and d.classoid='pg_namespace'::regclass ORDER BY nspname");
      String tinyOid = null;
      for (List<String> s : schemas) if (s.get(2).equals("tpch.tiny")) tinyOid = s.get(0);
      assertNotNull(tinyOid, schemas.toString());
      List<List<String>> tables = rows(c, "select c.oid,c.*,d.description,pg_catalog.pg_get_expr(c.relpartbound, c.oid) "
          + "as partition_expr, pg_catalog.pg_get_partkeydef(c.oid) as partition_key from pg_catalog.pg_class c "
          + "left outer join pg_catalog.pg_description d on d.objoid=c.oid and d.objsubid=0 "
          + "and d.classoid='pg_class'::regclass where c.relnamespace=" + tinyOid + " and c.relkind not in ('i','I','c')");
      assertEquals(TpchData.tableNames().size(), tables.size());
      String nation = null;
      for (List<String> t : tables) if (t.get(2).equals("nation")) nation = t.get(0);
      assertNotNull(nation);
      List<List<String>> columns = rows(c, "select c.relname,a.*,pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) "
          + "as def_value,dsc.description,dep.objid from pg_catalog.pg_attribute a "
          + "inner join pg_catalog.pg_class c on (a.attrelid=c.oid) "
          + "left outer join pg_catalog.pg_attrdef ad on (a.attrelid=ad.adrelid and a.attnum = ad.adnum) "
          + "left outer join pg_catalog.pg_description dsc on (c.oid=dsc.objoid and a.attnum = dsc.objsubid) "
          + "left outer join pg_depend dep on dep.refobjid = a.attrelid AND dep.deptype = 'i' "
          + "and dep.refobjsubid = a.attnum and dep.classid = dep.refclassid "
          + "where NOT a.attisdropped and c.relkind not in ('i','I','c') and c.oid=" + nation + " order by a.attnum");
      List<String> names = new ArrayList<>();
      for (List<String> col : columns) names.add(col.get(2));
      List<String> expected = new ArrayList<>();
      for (List<String> r : rows(duck, "SELECT column_name FROM information_schema.columns WHERE table_name = 'nation' "
          + "ORDER BY ordinal_position")) {
        expected.add(r.get(0));
      }
      assertEquals(expected, names);
      assertFalse(columns.isEmpty());
    }
  }
}
