package dev.ember.server.pgwire;

import dev.ember.api.Session;
import dev.ember.catalyst.types.Field;
import java.util.List;

/**
 * Answers the statements clients send about the server and its catalog ({@code pg_catalog},
 * {@code information_schema}, {@code version()}, …) that the engine itself does not run.
 */
public interface CatalogAnswerer {
  /** A result the server computes itself: its columns and rows of boxed Ember values. */
  record Answer(List<Field> columns, List<Object[]> rows) {}

  /** The answer to {@code sql}, or null when the engine should run it. */
  Answer answer(String sql, Session session, ClientSettings settings);

  /** Answers nothing. */
  CatalogAnswerer NONE = (sql, session, settings) -> null;
}
