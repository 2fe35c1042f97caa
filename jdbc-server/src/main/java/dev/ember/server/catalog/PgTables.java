package dev.ember.server.catalog;

import dev.ember.api.Session;
import dev.ember.server.pgwire.ClientSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pg_catalog tables: each one's columns as PostgreSQL 14 has them (the ones clients read;
 * storage internals are left out), and who computes its rows. Tables without a row source are
 * empty: Ember has no such objects.
 */
final class PgTables {
  /** What the row sources read: the session (its catalog) and the connection's settings. */
  record Context(Session session, ClientSettings settings) {
    CatalogSnapshot snapshot() { return new CatalogSnapshot(session); }

    String user() { return settings.get("user"); }

    String database() { return settings.get("database"); }
  }

  private static final Map<String, PgTableDef> DEFS = new LinkedHashMap<>();

  private static void def(String name, String columns) { DEFS.put(name, PgTableDef.of(name, columns)); }

  static {
    def("pg_namespace", "oid oid, nspname name, nspowner oid, nspacl aclitem[]");
    def("pg_class", "oid oid, relname name, relnamespace oid, reltype oid, reloftype oid, relowner oid, relam oid, "
        + "relfilenode oid, reltablespace oid, relpages int4, reltuples float4, relallvisible int4, "
        + "reltoastrelid oid, relhasindex bool, relisshared bool, relpersistence char, relkind char, relnatts int2, "
        + "relchecks int2, relhasrules bool, relhastriggers bool, relhassubclass bool, relrowsecurity bool, "
        + "relforcerowsecurity bool, relispopulated bool, relreplident char, relispartition bool, relrewrite oid, "
        + "relfrozenxid xid, relminmxid xid, relacl aclitem[], reloptions text[], relpartbound pg_node_tree");
    def("pg_attribute", "attrelid oid, attname name, atttypid oid, attstattarget int4, attlen int2, attnum int2, "
        + "attndims int4, attcacheoff int4, atttypmod int4, attbyval bool, attalign char, attstorage char, "
        + "attcompression char, attnotnull bool, atthasdef bool, atthasmissing bool, attidentity char, "
        + "attgenerated char, attisdropped bool, attislocal bool, attinhcount int4, attcollation oid, "
        + "attacl aclitem[], attoptions text[], attfdwoptions text[]");
    def("pg_type", "oid oid, typname name, typnamespace oid, typowner oid, typlen int2, typbyval bool, typtype char, "
        + "typcategory char, typispreferred bool, typisdefined bool, typdelim char, typrelid oid, typsubscript regproc, "
        + "typelem oid, typarray oid, typinput regproc, typoutput regproc, typreceive regproc, typsend regproc, "
        + "typmodin regproc, typmodout regproc, typanalyze regproc, typalign char, typstorage char, typnotnull bool, "
        + "typbasetype oid, typtypmod int4, typndims int4, typcollation oid, typdefaultbin pg_node_tree, "
        + "typdefault text, typacl aclitem[]");
    def("pg_proc", "oid oid, proname name, pronamespace oid, proowner oid, prolang oid, procost float4, "
        + "prorows float4, provariadic oid, prosupport regproc, prokind char, prosecdef bool, proleakproof bool, "
        + "proisstrict bool, proretset bool, provolatile char, proparallel char, pronargs int2, "
        + "pronargdefaults int2, prorettype oid, proargtypes oidvector, proallargtypes oid[], proargmodes char[], "
        + "proargnames text[], proargdefaults pg_node_tree, protrftypes oid[], prosrc text, probin text, "
        + "prosqlbody pg_node_tree, proconfig text[], proacl aclitem[]");
    def("pg_database", "oid oid, datname name, datdba oid, encoding int4, datlocprovider char, datistemplate bool, "
        + "datallowconn bool, datconnlimit int4, datfrozenxid xid, datminmxid xid, dattablespace oid, "
        + "datcollate text, datctype text, daticulocale text, datcollversion text, datacl aclitem[]");
    def("pg_roles", "rolname name, rolsuper bool, rolinherit bool, rolcreaterole bool, rolcreatedb bool, "
        + "rolcanlogin bool, rolreplication bool, rolconnlimit int4, rolpassword text, rolvaliduntil timestamptz, "
        + "rolbypassrls bool, rolconfig text[], oid oid");
    def("pg_user", "usename name, usesysid oid, usecreatedb bool, usesuper bool, userepl bool, usebypassrls bool, "
        + "passwd text, valuntil timestamptz, useconfig text[]");
    def("pg_settings", "name text, setting text, unit text, category text, short_desc text, extra_desc text, "
        + "context text, vartype text, source text, min_val text, max_val text, enumvals text[], boot_val text, "
        + "reset_val text, sourcefile text, sourceline int4, pending_restart bool");
    def("pg_description", "objoid oid, classoid oid, objsubid int4, description text");
    def("pg_shdescription", "objoid oid, classoid oid, description text");
    def("pg_index", "indexrelid oid, indrelid oid, indnatts int2, indnkeyatts int2, indisunique bool, "
        + "indisprimary bool, indisexclusion bool, indimmediate bool, indisclustered bool, indisvalid bool, "
        + "indcheckxmin bool, indisready bool, indislive bool, indisreplident bool, indkey int2vector, "
        + "indcollation oidvector, indclass oidvector, indoption int2vector, indexprs pg_node_tree, indpred pg_node_tree");
    def("pg_constraint", "oid oid, conname name, connamespace oid, contype char, condeferrable bool, "
        + "condeferred bool, convalidated bool, conrelid oid, contypid oid, conindid oid, conparentid oid, "
        + "confrelid oid, confupdtype char, confdeltype char, confmatchtype char, conislocal bool, coninhcount int4, "
        + "connoinherit bool, conkey int2[], confkey int2[], conpfeqop oid[], conppeqop oid[], conffeqop oid[], "
        + "conexclop oid[], conbin pg_node_tree");
    def("pg_attrdef", "oid oid, adrelid oid, adnum int2, adbin pg_node_tree");
    def("pg_am", "oid oid, amname name, amhandler regproc, amtype char");
    def("pg_tablespace", "oid oid, spcname name, spcowner oid, spcacl aclitem[], spcoptions text[]");
    def("pg_collation", "oid oid, collname name, collnamespace oid, collowner oid, collprovider char, "
        + "collisdeterministic bool, collencoding int4, collcollate text, collctype text, colliculocale text, "
        + "collversion text");
    def("pg_tables", "schemaname name, tablename name, tableowner name, tablespace name, hasindexes bool, "
        + "hasrules bool, hastriggers bool, rowsecurity bool");
    def("pg_views", "schemaname name, viewname name, viewowner name, definition text");
    def("pg_get_keywords", "word text, catcode char, barelabel bool, catdesc text, baredesc text");
    // Objects Ember does not have: the tables exist, empty.
    def("pg_inherits", "inhrelid oid, inhparent oid, inhseqno int4, inhdetachpending bool");
    def("pg_policy", "oid oid, polname name, polrelid oid, polcmd char, polpermissive bool, polroles oid[], "
        + "polqual pg_node_tree, polwithcheck pg_node_tree");
    def("pg_publication", "oid oid, pubname name, pubowner oid, puballtables bool, pubinsert bool, pubupdate bool, "
        + "pubdelete bool, pubtruncate bool, pubviaroot bool");
    def("pg_publication_rel", "oid oid, prpubid oid, prrelid oid, prqual pg_node_tree, prattrs int2vector");
    def("pg_publication_namespace", "oid oid, pnpubid oid, pnnspid oid");
    def("pg_publication_tables", "pubname name, schemaname name, tablename name, attnames name[], rowfilter text");
    def("pg_statistic_ext", "oid oid, stxrelid oid, stxname name, stxnamespace oid, stxowner oid, "
        + "stxstattarget int4, stxkeys int2vector, stxkind char[], stxexprs pg_node_tree");
    def("pg_trigger", "oid oid, tgrelid oid, tgparentid oid, tgname name, tgfoid oid, tgtype int2, tgenabled char, "
        + "tgisinternal bool, tgconstrrelid oid, tgconstrindid oid, tgconstraint oid, tgdeferrable bool, "
        + "tginitdeferred bool, tgnargs int2, tgattr int2vector, tgargs text, tgqual pg_node_tree, "
        + "tgoldtable name, tgnewtable name");
    def("pg_rewrite", "oid oid, rulename name, ev_class oid, ev_type char, ev_enabled char, is_instead bool, "
        + "ev_qual pg_node_tree, ev_action pg_node_tree");
    def("pg_foreign_table", "ftrelid oid, ftserver oid, ftoptions text[]");
    def("pg_foreign_server", "oid oid, srvname name, srvowner oid, srvfdw oid, srvtype text, srvversion text, "
        + "srvacl aclitem[], srvoptions text[]");
    def("pg_foreign_data_wrapper", "oid oid, fdwname name, fdwowner oid, fdwhandler oid, fdwvalidator oid, "
        + "fdwacl aclitem[], fdwoptions text[]");
    def("pg_partitioned_table", "partrelid oid, partstrat char, partnatts int2, partdefid oid, "
        + "partattrs int2vector, partclass oidvector, partcollation oidvector, partexprs pg_node_tree");
    def("pg_extension", "oid oid, extname name, extowner oid, extnamespace oid, extrelocatable bool, "
        + "extversion text, extconfig oid[], extcondition text[]");
    def("pg_enum", "oid oid, enumtypid oid, enumsortorder float4, enumlabel name");
    def("pg_depend", "classid oid, objid oid, objsubid int4, refclassid oid, refobjid oid, refobjsubid int4, "
        + "deptype char");
    def("pg_sequence", "seqrelid oid, seqtypid oid, seqstart int8, seqincrement int8, seqmax int8, seqmin int8, "
        + "seqcache int8, seqcycle bool");
    def("pg_matviews", "schemaname name, matviewname name, matviewowner name, tablespace name, hasindexes bool, "
        + "ispopulated bool, definition text");
    def("pg_indexes", "schemaname name, tablename name, indexname name, tablespace name, indexdef text");
    def("pg_event_trigger", "oid oid, evtname name, evtevent name, evtowner oid, evtfoid oid, evtenabled char, "
        + "evttags text[]");
    def("pg_language", "oid oid, lanname name, lanowner oid, lanispl bool, lanpltrusted bool, lanplcallfoid oid, "
        + "laninline oid, lanvalidator oid, lanacl aclitem[]");
    def("pg_operator", "oid oid, oprname name, oprnamespace oid, oprowner oid, oprkind char, oprcanmerge bool, "
        + "oprcanhash bool, oprleft oid, oprright oid, oprresult oid, oprcom oid, oprnegate oid, oprcode regproc, "
        + "oprrest regproc, oprjoin regproc");
    def("pg_cast", "oid oid, castsource oid, casttarget oid, castfunc oid, castcontext char, castmethod char");
    def("pg_opclass", "oid oid, opcmethod oid, opcname name, opcnamespace oid, opcowner oid, opcfamily oid, "
        + "opcintype oid, opcdefault bool, opckeytype oid");
    def("pg_auth_members", "oid oid, roleid oid, member oid, grantor oid, admin_option bool");
    def("pg_aggregate", "aggfnoid regproc, aggkind char, aggnumdirectargs int2, aggtransfn regproc, "
        + "aggfinalfn regproc, aggtranstype oid, agginitval text");
    def("pg_range", "rngtypid oid, rngsubtype oid, rngmultitypid oid, rngcollation oid, rngsubopc oid, "
        + "rngcanonical regproc, rngsubdiff regproc");
    def("pg_stat_activity", "datid oid, datname name, pid int4, usesysid oid, usename name, application_name text, "
        + "client_addr text, client_port int4, backend_start timestamptz, query_start timestamptz, state text, "
        + "query text");
  }

  /** Every table name, in definition order. */
  static final List<String> NAMES = List.copyOf(new ArrayList<>(DEFS.keySet()));

  private PgTables() {}

  static PgTableDef def(String name) { return DEFS.get(name); }

  /** The table {@code name} (one of {@link #NAMES}) over the context's catalog and settings. */
  static RowsTable table(String name, Context cx) {
    PgTableDef d = DEFS.get(name);
    return switch (name) {
      case "pg_namespace" -> d.with(() -> PgRelationRows.namespaces(d, cx));
      case "pg_class" -> d.with(() -> PgRelationRows.classes(d, cx));
      case "pg_attribute" -> d.with(() -> PgRelationRows.attributes(d, cx));
      case "pg_tables" -> d.with(() -> PgRelationRows.tables(d, cx));
      case "pg_views" -> d.with(() -> PgRelationRows.views(d, cx));
      case "pg_type" -> d.with(() -> PgServerRows.types(d));
      case "pg_database" -> d.with(() -> PgServerRows.databases(d, cx));
      case "pg_roles" -> d.with(() -> PgServerRows.roles(d, cx));
      case "pg_user" -> d.with(() -> PgServerRows.users(d, cx));
      case "pg_settings" -> d.with(() -> PgServerRows.settings(d, cx));
      case "pg_am" -> d.with(() -> PgServerRows.accessMethods(d));
      case "pg_tablespace" -> d.with(() -> PgServerRows.tablespaces(d));
      case "pg_get_keywords" -> d.with(() -> PgServerRows.keywords(d));
      case "pg_stat_activity" -> d.with(() -> PgServerRows.activity(d, cx));
      default -> d.empty();
    };
  }
}
