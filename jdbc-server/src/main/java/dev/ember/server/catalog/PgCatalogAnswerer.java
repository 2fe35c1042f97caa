package dev.ember.server.catalog;

import dev.ember.api.Session;
import dev.ember.server.pgwire.CatalogAnswerer;
import dev.ember.server.pgwire.ClientSettings;
import dev.ember.server.pgwire.NameResolver;
import java.util.List;

/**
 * Gives each connection's session {@code pg_catalog} ({@link PgCatalog}, searched first for
 * one-part names), {@code information_schema} and the client functions ({@link PgFunctions}), so
 * client catalog queries run on the engine as ordinary SQL. The recognisers here answer only
 * what the engine cannot compile (queries using arrays, {@code generate_series}, …): psql's
 * {@code \d} family, pgJDBC's DatabaseMetaData, session functions; any other such query over
 * {@code pg_catalog} tables gets an empty result with the columns its select list names (Ember
 * has no indexes, constraints, rules, triggers, policies or inheritance, so "nothing" is the true
 * answer for most of them).
 */
public final class PgCatalogAnswerer implements CatalogAnswerer {
  @Override public void attach(Session session, ClientSettings settings) {
    session.state().mountCatalog(InformationSchema.NAME, new InformationSchema(session, settings.get("database")));
    session.state().mountSearchedCatalog(PgCatalog.NAME, new PgCatalog(session, settings));
    PgFunctions.register(session, settings);
  }

  @Override public NameResolver names(Session session, ClientSettings settings) {
    return new SnapshotNames(session);
  }

  /** Names resolved against a catalog snapshot taken on first use. */
  private static final class SnapshotNames implements NameResolver {
    private final Session session;
    private CatalogSnapshot snapshot;

    SnapshotNames(Session session) { this.session = session; }

    private CatalogSnapshot snapshot() {
      if (snapshot == null) snapshot = new CatalogSnapshot(session);
      return snapshot;
    }

    @Override public int relationOid(String name) {
      return snapshot().relation(name).map(CatalogSnapshot.Relation::oid).orElse(-1);
    }

    @Override public int namespaceOid(String name) {
      return snapshot().namespace(name).map(CatalogSnapshot.Namespace::oid).orElse(-1);
    }

    @Override public int typeOid(String name) {
      String bare = name.toLowerCase(java.util.Locale.ROOT).replace("pg_catalog.", "").replace("\"", "");
      for (PgServerRows.TypeRow t : PgServerRows.allTypes()) if (t.name().equals(bare)) return t.oid();
      for (dev.ember.server.pgwire.PgType t : dev.ember.server.pgwire.PgType.values()) {
        if (t.sqlName().equals(bare)) return t.oid();
      }
      return switch (bare) {
        case "int", "integer" -> 23;
        case "boolean" -> 16;
        case "bigint" -> 20;
        case "smallint" -> 21;
        default -> -1;
      };
    }
  }

  @Override public Answer answer(String sql, Session session, ClientSettings settings) {
    String lower = sql.toLowerCase(java.util.Locale.ROOT);
    if (!lower.contains("pg_catalog.")) return null;
    ClientQuery q = new ClientQuery(sql, session, settings);
    Answer a = PsqlQueries.answer(q);
    if (a == null && (q.has("from pg_catalog.") || q.has("join pg_catalog."))) a = empty(q);
    return a;
  }

  private static Answer empty(ClientQuery q) {
    List<String> items = SelectList.items(q.norm);
    if (items == null) return null;
    Rows rows = new Rows();
    for (String item : items) rows.text(SelectList.name(item));
    return rows.answer();
  }
}
