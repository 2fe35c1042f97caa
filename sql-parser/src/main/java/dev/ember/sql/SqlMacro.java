package dev.ember.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A scalar function defined by an SQL expression over its parameters (DuckDB's {@code CREATE
 * MACRO}): each call is replaced by the expression, with the call's arguments in place of the
 * parameter names, before the query is validated, so the engine plans and runs it like any other
 * expression. The body is asked for on each expansion, so it may reflect state that changes (the
 * session's catalog, its user). A session's owner registers macros (the wire server's client
 * functions such as {@code format_type} or {@code current_database()}).
 *
 * @param name the function's name, matched case-insensitively; a call with a different number of
 *     arguments does not match
 * @param parameters the names the body uses for the arguments, in order
 * @param body the SQL expression text, e.g. {@code CASE WHEN b THEN 'x' ELSE 'y' END}
 */
public record SqlMacro(String name, List<String> parameters, Supplier<String> body) {
  public SqlMacro {
    requireNonNull(name);
    parameters = List.copyOf(parameters);
    requireNonNull(body);
  }

  /** A macro whose body never changes. */
  public static SqlMacro of(String name, List<String> parameters, String body) {
    return new SqlMacro(name, parameters, () -> body);
  }

  /** The registry key: lower-case name and arity. */
  String key() { return key(name, parameters.size()); }

  static String key(String name, int arity) { return name.toLowerCase(Locale.ROOT) + "/" + arity; }
}
