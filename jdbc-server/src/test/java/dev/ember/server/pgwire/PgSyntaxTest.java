package dev.ember.server.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.catalyst.errors.EmberException;
import org.junit.jupiter.api.Test;

/** The PostgreSQL-to-Ember rewrites, and error positions mapped back into the user's text. */
class PgSyntaxTest {
  /** Knows relation pg_class (1259), type int4 (23) and schema public (2200). */
  private static final NameResolver NAMES = new NameResolver() {
    @Override public int relationOid(String name) { return name.equals("pg_class") ? 1259 : -1; }

    @Override public int typeOid(String name) { return name.equals("int4") ? 23 : -1; }

    @Override public int namespaceOid(String name) { return name.equals("public") ? 2200 : -1; }
  };

  private static String rewrite(String sql) { return PgSyntax.rewrite(sql, NAMES).text(); }

  @Test void castsBecomeCastCallsWithEmberTypeNames() {
    assertEquals("SELECT CAST(x AS INTEGER) AS \"x\", CAST(t.a AS VARCHAR) AS \"a\" FROM t", rewrite("SELECT x::int4, t.a::text FROM t"));
    assertEquals("SELECT CAST(CAST(c.oid AS INTEGER) AS VARCHAR) AS \"oid\"", rewrite("SELECT c.oid::regclass::text"));
    assertEquals("SELECT CAST(f(a, b) AS DOUBLE) AS \"f\"", rewrite("SELECT f(a, b)::float8"));
    assertEquals("SELECT CAST((a + 1) AS BIGINT) AS \"int8\"", rewrite("SELECT (a + 1)::int8"));
    assertEquals("SELECT CAST(CASE WHEN a THEN 1 END AS numeric(15, 2)) AS \"numeric\"",
        rewrite("SELECT CASE WHEN a THEN 1 END::numeric(15, 2)"));
    assertEquals("SELECT a || CAST(b AS VARCHAR) AS \"?column?\"", rewrite("SELECT a || b::text")); // :: binds tighter than ||
    assertEquals("SELECT CAST('{a}' AS VARCHAR) AS \"text\", CAST(x AS double precision) AS \"x\"", rewrite("SELECT '{a}'::text[], x::double precision"));
    assertEquals("SELECT CAST(? AS TIMESTAMP(6)) AS \"timestamp\", CAST(x AS char(3)) AS \"x\"", rewrite("SELECT CAST(? AS TIMESTAMP(6)), x::char(3)"));
    assertEquals("SELECT CAST(x AS VARCHAR) AS \"x\"", rewrite("SELECT x::pg_catalog.\"char\""));
    assertEquals("SELECT CAST(x AS INTEGER) AS \"x\" FROM t", rewrite("SELECT CAST(x AS int4) FROM t"));
    assertEquals("SELECT CAST(d AS TIMESTAMP WITH LOCAL TIME ZONE) AS \"d\"", rewrite("SELECT d::timestamp with time zone"));
  }

  @Test void objectNameLiteralsBecomeTheirOids() {
    assertEquals("SELECT 1259 AS \"regclass\", 23 AS \"regtype\", 2200 AS \"regnamespace\", 'array_in' AS \"regproc\"",
        rewrite("SELECT 'pg_class'::regclass, 'int4'::regtype, 'public'::regnamespace, 'pg_catalog.array_in'::regproc"));
    assertEquals("WHERE c.oid = CAST(1259 AS INTEGER)", rewrite("WHERE c.oid = 'pg_class'::pg_catalog.regclass::oid"));
  }

  @Test void anUnknownRelationFailsAtTheLiteral() {
    EmberException e = assertThrows(EmberException.class, () -> rewrite("SELECT 1,\n  'nope'::regclass"));
    assertEquals(EmberException.UNDEFINED_TABLE, e.sqlState());
    assertEquals(2, e.line());
    assertEquals(3, e.column());
  }

  @Test void regexMatchesBecomeRegexpLike() {
    assertEquals("WHERE REGEXP_LIKE(c.relname, '^(t)$') AND (NOT REGEXP_LIKE(n.nspname, '^pg_'))",
        rewrite("WHERE c.relname ~ '^(t)$' AND n.nspname !~ '^pg_'"));
    assertEquals("WHERE REGEXP_LIKE(f(x), 'a', 'i')", rewrite("WHERE f(x) ~* 'a'"));
    assertEquals("WHERE REGEXP_LIKE(c.relname, '^(t)$')",
        rewrite("WHERE c.relname OPERATOR(pg_catalog.~) '^(t)$' COLLATE pg_catalog.default"));
    assertEquals("WHERE (NOT REGEXP_LIKE(CAST(x AS VARCHAR), y))", rewrite("WHERE x::text !~ y"));
  }

  @Test void catalogPrefixesEscapeStringsAndNiladicCalls() {
    assertEquals("SELECT format_type(a, b) AS \"format_type\", current_schema AS \"current_schema\" FROM pg_catalog.pg_class",
        rewrite("SELECT pg_catalog.format_type(a, b), current_schema() FROM pg_catalog.pg_class"));
    assertEquals("SELECT * FROM pg_catalog.pg_get_keywords", rewrite("SELECT * FROM pg_get_keywords()"));
    assertEquals("SELECT 'a\nb''c' AS \"?column?\", 'x\\y' AS \"?column?\"", rewrite("SELECT E'a\\nb\\'c', 'x\\y'"));
  }

  @Test void subscriptsPickAnElementOfTheArraysTextForm() {
    assertEquals("WHERE n = SPLIT_PART(REPLACE(REPLACE((current_schemas(true)), '{', ''), '}', ''), ',', 1)",
        rewrite("WHERE n = (pg_catalog.current_schemas(true))[1]"));
    assertEquals("SELECT ARRAY[1, 2] AS \"?column?\"", rewrite("SELECT ARRAY[1, 2]"));
  }

  @Test void unnamedSelectItemsGetPostgresNames() {
    assertEquals("SELECT count(*) AS \"count\", sum(x) + 1 AS \"?column?\", a b, c AS d, e.f, "
            + "CASE WHEN x THEN 1 END AS \"case\", CAST(c.oid AS VARCHAR) AS \"oid\", "
            + "CAST(CAST(1259 AS INTEGER) AS VARCHAR) AS \"text\", CAST(? AS TIMESTAMP(6)) AS \"timestamp\", t.* FROM t",
        rewrite("SELECT count(*), sum(x) + 1, a b, c AS d, e.f, CASE WHEN x THEN 1 END, c.oid::text, "
            + "'pg_class'::regclass::oid::text, CAST(? AS TIMESTAMP(6)), t.* FROM t"));
    // only the leading SELECT: a WITH's queries and later UNION branches keep their text
    assertEquals("WITH q AS (SELECT max(v) FROM t) SELECT min(v) AS \"min\" FROM q UNION SELECT avg(v) FROM q",
        rewrite("WITH q AS (SELECT max(v) FROM t) SELECT min(v) FROM q UNION SELECT avg(v) FROM q"));
  }

  @Test void textInsideLiteralsAndCommentsIsLeftAlone() {
    String sql = "SELECT 'a::int4 ~ b' AS \"x::y\" -- c::d\n FROM t";
    assertEquals(sql, rewrite(sql));
    assertFalse(PgSyntax.rewrite(sql, NAMES).changed());
  }

  @Test void errorPositionsPointIntoTheOriginalText() {
    String sql = "SELECT x::int4, pg_catalog.lower(y),\n  zz ~ 'a' FROM t";
    Rewritten r = PgSyntax.rewrite(sql, NAMES);
    // where the engine would report "zz" in the rewritten text: REGEXP_LIKE(zz, …) on line 2
    int column = r.text().split("\n")[1].indexOf("zz") + 1;
    EmberException e = r.remap(new EmberException("42703", "Column 'zz' not found", 2, column, null));
    assertEquals(2, e.line());
    assertEquals(3, e.column());
    // a position inside the rewritten CAST points at the cast's operand
    int castColumn = r.text().indexOf("INTEGER") + 1;
    EmberException c = r.remap(new EmberException("42601", "bad", 1, castColumn, null));
    assertEquals(1, c.line());
    assertEquals(sql.indexOf("int4") + 1, c.column());
  }
}
