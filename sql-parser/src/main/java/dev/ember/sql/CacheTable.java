package dev.ember.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code CACHE [LAZY] TABLE name [[AS] query]} (Spark): keeps the table's rows — or, with a query,
 * the query's rows, also registered as temporary view {@code name} — in the session's cache.
 * Without LAZY they are computed now.
 *
 * @param query the rows to cache as {@code name}, or null to cache the existing table or view
 */
public record CacheTable(List<String> name, boolean lazy, Query query) implements Statement {
  public CacheTable { name = List.copyOf(name); requireNonNull(name); }
}
