package dev.ember.cli;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.catalyst.catalog.Catalog;

/**
 * What the command line runs statements on: a {@link Session} in real use, a fake in tests of the
 * command line's own behaviour.
 */
public interface SqlEngine extends AutoCloseable {
  /** Runs one statement (no terminating {@code ;}). */
  QueryResult sql(String statement);

  /** The names statements can see, for tab completion; empty unless the engine has a catalog. */
  default Catalog catalog() { return EmptyCatalog.INSTANCE; }

  @Override void close();

  /** Opens the engine a command line asks for. */
  @FunctionalInterface
  interface Factory {
    SqlEngine open(CliArgs args);
  }

  /** The real engine: a session with the command line's master and settings. */
  static SqlEngine session(CliArgs args) {
    Session.Builder b = Session.builder().master(args.master());
    args.conf().forEach(b::config);
    Session s = b.getOrCreate();
    return new SqlEngine() {
      @Override public QueryResult sql(String statement) { return s.execute(statement); }

      @Override public Catalog catalog() { return s.state().catalog(); }

      @Override public void close() { s.close(); }
    };
  }
}
