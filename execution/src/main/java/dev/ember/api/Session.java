package dev.ember.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entry point to Ember: one per user session (a shell, a server connection, a program).
 * Holds the session's settings and temporary views; runs statements on the shared engine.
 *
 * <pre>
 * try (Session s = Session.builder().master("local[2]").getOrCreate();
 *      QueryResult r = s.execute("SELECT count(*) FROM tpch.tiny.lineitem")) { … }
 * </pre>
 */
public final class Session implements AutoCloseable {
  private final SessionState state;

  private Session(SessionState state) { this.state = state; }

  public static Builder builder() { return new Builder(); }

  /**
   * Runs one SQL statement (a trailing ';' is allowed) now and streams its result: what the shell
   * and the server use. (The DataFrame API's lazy {@code sql(…)} builds on the same state.)
   */
  public QueryResult execute(String sql) { return state.execute(sql); }

  /** The current value of a setting, or null. */
  public String conf(String key) { return state.conf(key); }

  /** Changes a setting for this session, as {@code SET key = value} does. */
  public void setConf(String key, String value) { state.setConf(key, value); }

  /** Releases the session; the engine stops when its last session has stopped. */
  @Override public void close() { state.close(); }

  public void stop() { close(); }

  /** Internal state, for the shell and the server in this project. */
  public SessionState state() { return state; }

  /** Builds a session; settings given here override the defaults. */
  public static final class Builder {
    private String master = "local[*]";
    private final Map<String, String> conf = new LinkedHashMap<>();

    public Builder master(String master) { this.master = master; return this; }

    public Builder config(String key, String value) { conf.put(key, value); return this; }

    public Session getOrCreate() { return new Session(SessionState.create(master, conf)); }
  }
}
