package dev.ember.server.pgwire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The PostgreSQL run-time parameters of one connection. Ember computes every value in UTC, UTF-8
 * and ISO dates, so these are mostly what clients expect to read back: they can be SET to
 * anything (unknown names are kept quietly, as clients send many), and the ones PostgreSQL
 * reports to clients are announced again with ParameterStatus when they change.
 */
public final class ClientSettings {
  /** The version Ember reports: clients enable features by it. */
  public static final String SERVER_VERSION = "14.0 (Ember)";
  public static final String SERVER_VERSION_NUM = "140000";
  /** Parameters PostgreSQL reports in ParameterStatus at start-up and on change. */
  static final List<String> REPORTED = List.of("server_version", "server_encoding", "client_encoding",
      "application_name", "DateStyle", "IntervalStyle", "TimeZone", "integer_datetimes",
      "standard_conforming_strings", "is_superuser", "session_authorization",
      "default_transaction_read_only", "in_hot_standby");

  private final Map<String, String> defaults = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private volatile int processId;

  ClientSettings(String user, String database) {
    defaults.put("server_version", SERVER_VERSION);
    defaults.put("server_version_num", SERVER_VERSION_NUM);
    defaults.put("server_encoding", "UTF8");
    defaults.put("client_encoding", "UTF8");
    defaults.put("application_name", "");
    defaults.put("DateStyle", "ISO, MDY");
    defaults.put("IntervalStyle", "postgres");
    defaults.put("TimeZone", "UTC");
    defaults.put("integer_datetimes", "on");
    defaults.put("standard_conforming_strings", "on");
    defaults.put("is_superuser", "off");
    defaults.put("session_authorization", user);
    defaults.put("default_transaction_read_only", "on");
    defaults.put("transaction_read_only", "on");
    defaults.put("in_hot_standby", "off");
    defaults.put("search_path", "\"$user\", public");
    defaults.put("extra_float_digits", "1");
    defaults.put("max_identifier_length", "63");
    defaults.put("transaction_isolation", "read committed");
    defaults.put("default_transaction_isolation", "read committed");
    defaults.put("lc_collate", "C");
    defaults.put("lc_ctype", "C");
    defaults.put("statement_timeout", "0");
    defaults.put("user", user);
    defaults.put("database", database);
    values.putAll(defaults);
  }

  /** The connection's process id (BackendKeyData), what {@code pg_backend_pid()} returns. */
  public int processId() { return processId; }

  void processId(int pid) { this.processId = pid; }

  /** The value of a parameter, or null when it was never set and has no default. */
  public String get(String name) { return values.get(name); }

  /**
   * Sets a parameter; returns true when clients must be told (a reported one changed).
   * Encoding and date style stay what Ember produces; asking for others is accepted quietly.
   */
  boolean set(String name, String value) {
    String key = canonical(name);
    if (key.equalsIgnoreCase("client_encoding") || key.equalsIgnoreCase("server_encoding")) value = "UTF8";
    if (key.equalsIgnoreCase("DateStyle")) value = "ISO, MDY";
    if (key.equalsIgnoreCase("TimeZone")) value = "UTC";
    String old = values.put(key, value);
    return REPORTED.contains(key) && !value.equals(old);
  }

  /** Back to the default; returns true when clients must be told. */
  boolean reset(String name) {
    String key = canonical(name);
    String d = defaults.get(key);
    if (d == null) return values.remove(key) != null && false;
    return set(key, d);
  }

  void resetAll() {
    values.clear();
    values.putAll(defaults);
  }

  /** Every parameter, for SHOW ALL. */
  public Map<String, String> all() { return new LinkedHashMap<>(values); }

  /** The spelling PostgreSQL reports for a reported parameter (DateStyle, TimeZone, …). */
  static String canonical(String name) {
    for (String r : REPORTED) if (r.equalsIgnoreCase(name)) return r;
    return name.toLowerCase(Locale.ROOT);
  }
}
