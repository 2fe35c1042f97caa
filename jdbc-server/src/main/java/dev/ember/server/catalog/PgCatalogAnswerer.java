package dev.ember.server.catalog;

import dev.ember.api.Session;
import dev.ember.server.pgwire.CatalogAnswerer;
import dev.ember.server.pgwire.ClientSettings;
import java.util.List;

/**
 * Answers client catalog queries from Ember's catalog: psql's {@code \d} family, pgJDBC's
 * DatabaseMetaData, session functions; any other query over {@code pg_catalog} tables gets an
 * empty result with the columns its select list names (Ember has no indexes, constraints, rules,
 * triggers, policies or inheritance, so "nothing" is the true answer for most of them).
 */
public final class PgCatalogAnswerer implements CatalogAnswerer {
  @Override public Answer answer(String sql, Session session, ClientSettings settings) {
    String lower = sql.toLowerCase(java.util.Locale.ROOT);
    boolean catalog = lower.contains("pg_catalog") || lower.contains("pg_") || lower.contains("information_schema");
    boolean function = lower.contains("current_") || lower.contains("version") || lower.contains("session_user")
        || lower.contains("pg_is_in_recovery");
    if (!catalog && !function) return null;
    ClientQuery q = new ClientQuery(sql, session, settings);
    Answer a = PsqlQueries.answer(q);
    if (a == null) a = JdbcQueries.answer(q);
    if (a == null && function) a = FunctionQueries.answer(q);
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
