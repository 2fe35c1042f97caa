package dev.ember.sql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The macros one session's queries may call, by name and arity; safe to share between threads. */
public final class SqlMacros {
  private final Map<String, SqlMacro> byKey = new ConcurrentHashMap<>();

  /** Adds or replaces the macro with the same name and number of parameters. */
  public void register(SqlMacro macro) { byKey.put(macro.key(), macro); }

  /** The macro {@code name} taking {@code arity} arguments, or null. */
  public SqlMacro find(String name, int arity) { return byKey.get(SqlMacro.key(name, arity)); }

  public boolean isEmpty() { return byKey.isEmpty(); }
}
