package dev.ember.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** Per-session settings and views, and the link to the shared engine. (Being wired up.) */
public final class SessionState implements AutoCloseable {
  private final String master;
  private final Map<String, String> conf;

  private SessionState(String master, Map<String, String> conf) {
    this.master = master;
    this.conf = new LinkedHashMap<>(conf);
  }

  static SessionState create(String master, Map<String, String> conf) { return new SessionState(master, conf); }

  public String master() { return master; }

  QueryResult execute(String sql) { throw new UnsupportedOperationException("engine not wired yet"); }

  String conf(String key) { return conf.get(key); }

  void setConf(String key, String value) { conf.put(key, value); }

  @Override public void close() {}
}
