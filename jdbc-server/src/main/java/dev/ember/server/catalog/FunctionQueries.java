package dev.ember.server.catalog;

import dev.ember.server.pgwire.CatalogAnswerer.Answer;
import dev.ember.server.pgwire.ClientSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code SELECT} without FROM whose every item is one of the session functions clients call on
 * connect ({@code version()}, {@code current_schema()}, {@code current_database()},
 * {@code current_user}, {@code current_setting('x')}, …), answered by the server.
 */
final class FunctionQueries {
  private static final Pattern ITEM = Pattern.compile(
      "(?:pg_catalog\\.)?([a-z_]+)(?:\\s*\\(\\s*(.*?)\\s*\\))?(?:\\s+as\\s+(\"?[a-z_0-9 ]+\"?))?");

  private FunctionQueries() {}

  static Answer answer(ClientQuery q) {
    List<String> items = SelectList.items(q.norm);
    if (items == null || SelectList.hasFrom(q.norm)) return null;
    Rows rows = new Rows();
    List<Object> values = new ArrayList<>();
    for (String item : items) {
      Matcher m = ITEM.matcher(item);
      if (!m.matches()) return null;
      String value = value(m.group(1), m.group(2), q.settings);
      if (value == null && !m.group(1).equals("obj_description") && !m.group(1).equals("col_description")) return null;
      rows.text(m.group(3) != null ? m.group(3).replace("\"", "") : m.group(1));
      values.add(value);
    }
    return rows.row(values.toArray()).answer();
  }

  /** The value of function {@code name} (args as written, or null without parentheses), or null. */
  private static String value(String name, String args, ClientSettings s) {
    boolean call = args != null;
    return switch (name) {
      case "version" -> call ? "PostgreSQL " + ClientSettings.SERVER_VERSION + " on the JVM, Ember analytic SQL engine" : null;
      case "current_schema" -> "public";
      case "current_schemas" -> call ? (args.equals("true") ? "{pg_catalog,public}" : "{public}") : null;
      case "current_database", "current_catalog" -> s.get("database");
      case "current_user", "session_user", "user", "current_role" -> s.get("user");
      case "current_setting" -> call && args.startsWith("'") ? s.get(args.replace("'", "")) : null;
      case "pg_is_in_recovery" -> call ? "f" : null;
      case "obj_description", "col_description" -> null;
      default -> null;
    };
  }
}
