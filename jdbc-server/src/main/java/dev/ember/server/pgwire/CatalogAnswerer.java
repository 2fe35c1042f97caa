package dev.ember.server.pgwire;

import dev.ember.api.Session;
import dev.ember.catalyst.types.Field;
import java.util.List;

/**
 * Prepares sessions for PostgreSQL clients (their catalog schemas and functions) and answers the
 * client catalog statements the engine itself cannot run: the router asks it only after the
 * engine failed to compile a statement.
 */
public interface CatalogAnswerer {
  /** A result the server computes itself: its columns and rows of boxed Ember values. */
  record Answer(List<Field> columns, List<Object[]> rows) {}

  /** The answer to {@code sql}, or null when the engine should run it. */
  Answer answer(String sql, Session session, ClientSettings settings);

  /** Prepares a new connection's session (mounts information_schema, for example). */
  default void attach(Session session, ClientSettings settings) { }

  /** What {@code 'name'::regclass} and its kind resolve against, for the session's next statement. */
  default NameResolver names(Session session, ClientSettings settings) { return NameResolver.NONE; }

  /** Answers nothing. */
  CatalogAnswerer NONE = (sql, session, settings) -> null;
}
