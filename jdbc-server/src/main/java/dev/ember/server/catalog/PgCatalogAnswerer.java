package dev.ember.server.catalog;

import dev.ember.api.Session;
import dev.ember.server.pgwire.CatalogAnswerer;
import dev.ember.server.pgwire.ClientSettings;

/** Placeholder until the catalog answers land. */
public final class PgCatalogAnswerer implements CatalogAnswerer {
  @Override public Answer answer(String sql, Session session, ClientSettings settings) { return null; }
}
