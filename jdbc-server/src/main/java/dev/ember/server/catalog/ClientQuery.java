package dev.ember.server.catalog;

import dev.ember.api.Session;
import dev.ember.server.pgwire.ClientSettings;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One catalog query as it arrived: its text, a normalized form to recognise it by (lower case,
 * whitespace collapsed), and the session's catalog, taken only when a recogniser needs it.
 */
final class ClientQuery {
  private static final Pattern OID_FILTER = Pattern.compile("([a-z_]+\\.[a-z_]+) ?= ?'?(\\d+)'?");

  final String sql;
  final String norm;
  final Session session;
  final ClientSettings settings;
  private CatalogSnapshot snapshot;

  ClientQuery(String sql, Session session, ClientSettings settings) {
    this.sql = sql;
    this.norm = sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    this.session = session;
    this.settings = settings;
  }

  CatalogSnapshot catalog() {
    if (snapshot == null) snapshot = new CatalogSnapshot(session);
    return snapshot;
  }

  boolean has(String... fragments) {
    for (String f : fragments) if (!norm.contains(f)) return false;
    return true;
  }

  /** The OID compared with {@code column} ({@code c.oid = '16384'}), or -1. */
  int oidOf(String column) {
    Matcher m = OID_FILTER.matcher(norm);
    while (m.find()) if (m.group(1).equals(column)) return Integer.parseInt(m.group(2));
    return -1;
  }
}
