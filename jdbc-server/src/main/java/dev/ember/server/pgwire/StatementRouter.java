package dev.ember.server.pgwire;

import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.Utf8String;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides who answers one statement: the connection's own settings ({@code SET}, {@code SHOW},
 * {@code RESET}, {@code DISCARD}), else the engine, on the text with PostgreSQL's syntax rewritten
 * ({@link PgSyntax}); only when the engine cannot compile a statement does the catalog answerer
 * get a chance (client catalog queries using what Ember lacks, such as arrays). Errors carry
 * positions in the text the client sent. Transaction statements are handled by the connection
 * before this.
 */
final class StatementRouter {
  private static final Pattern SET = Pattern.compile(
      "(?is)^\\s*SET\\s+(?:SESSION\\s+|LOCAL\\s+)?([A-Za-z_][\\w.]*)\\s*(?:=|\\s+TO\\s+)\\s*(.*?)\\s*;?\\s*$");
  private static final Pattern SET_TIME_ZONE = Pattern.compile("(?is)^\\s*SET\\s+(?:SESSION\\s+|LOCAL\\s+)?TIME\\s+ZONE\\s+.*");
  private static final Pattern SHOW = Pattern.compile("(?is)^\\s*SHOW\\s+([A-Za-z_][\\w.]*(?:\\s+isolation\\s+level)?)\\s*;?\\s*$");
  private static final Pattern RESET = Pattern.compile("(?is)^\\s*RESET\\s+([A-Za-z_][\\w.]*)\\s*;?\\s*$");

  private static final System.Logger LOG = System.getLogger(StatementRouter.class.getName());

  private final Session session;
  private final ClientSettings settings;
  private final CatalogAnswerer catalog;

  StatementRouter(Session session, ClientSettings settings, CatalogAnswerer catalog) {
    this.session = session;
    this.settings = settings;
    this.catalog = catalog;
  }

  /** What a SET changed that clients must hear about (name, value), or null. */
  record Report(String name, String value) {}

  private final List<Report> reports = new ArrayList<>();

  /** Takes the ParameterStatus reports the last statements caused. */
  List<Report> drainReports() {
    List<Report> out = List.copyOf(reports);
    reports.clear();
    return out;
  }

  /** Runs one statement (no placeholders left) and returns its outcome, streaming for queries. */
  RowStream run(String sql) {
    String word = SqlText.firstWord(sql);
    switch (word) {
      case "SET" -> { return set(sql); }
      case "RESET" -> { return reset(sql); }
      case "DISCARD" -> {
        settings.resetAll();
        return LocalRows.command("DISCARD ALL");
      }
      case "SHOW" -> {
        Matcher m = SHOW.matcher(sql);
        if (m.matches() && !m.group(1).equalsIgnoreCase("tables")) return show(m.group(1));
      }
      default -> { }
    }
    Rewritten text = PgSyntax.rewrite(sql, catalog.names(session, settings));
    try {
      return new EngineRows(session.execute(text.text()), tagFor(word, sql));
    } catch (RuntimeException e) {
      CatalogAnswerer.Answer a = catalog.answer(sql, session, settings);
      if (a != null) {
        LOG.log(System.Logger.Level.DEBUG,
            () -> "answered by the catalog recognisers (engine: " + e.getMessage() + "): " + sql);
        return local(a);
      }
      throw e instanceof EmberException ee ? text.remap(ee) : e;
    }
  }

  /** The columns {@code sql} would return without running it, or null when it returns none. */
  List<ResultColumn> describe(String sql) {
    String word = SqlText.firstWord(sql);
    if (word.equals("SET") || word.equals("RESET") || word.equals("DISCARD")) return null;
    if (word.equals("SHOW")) {
      try (RowStream s = run(sql)) {
        return s.hasRows() ? s.columns() : null;
      }
    }
    Rewritten text = PgSyntax.rewrite(sql, catalog.names(session, settings));
    Schema schema;
    try {
      schema = session.state().describe(text.text());
    } catch (RuntimeException e) {
      CatalogAnswerer.Answer a = catalog.answer(sql, session, settings);
      if (a != null) return local(a).columns();
      throw e instanceof EmberException ee ? text.remap(ee) : e;
    }
    if (schema == null) return null;
    List<ResultColumn> out = new ArrayList<>();
    for (Field f : schema.fields()) out.add(ResultColumn.of(f));
    return out;
  }

  private RowStream set(String sql) {
    if (SET_TIME_ZONE.matcher(sql).matches()) return LocalRows.command("SET");
    Matcher m = SET.matcher(sql);
    if (!m.matches()) return LocalRows.command("SET"); // SET SESSION CHARACTERISTICS … and the like
    String name = m.group(1);
    String value = unquote(m.group(2));
    if (name.toLowerCase(Locale.ROOT).startsWith("ember.")) {
      session.setConf(name, value);
    } else if (name.equalsIgnoreCase("statement_timeout")) {
      // PostgreSQL's name for Ember's query time-out (milliseconds unless a unit is given)
      String v = value.equalsIgnoreCase("DEFAULT") ? "0" : value;
      session.setConf("ember.sql.queryTimeout", Double.toString(StatementTimeout.seconds(v)));
      settings.set(name, v);
    } else if (value.equalsIgnoreCase("DEFAULT")) {
      if (settings.reset(name)) report(name);
    } else if (settings.set(name, value)) {
      report(name);
    }
    return LocalRows.command("SET");
  }

  private RowStream reset(String sql) {
    Matcher m = RESET.matcher(sql);
    if (m.matches() && m.group(1).equalsIgnoreCase("all")) {
      settings.resetAll();
    } else if (m.matches() && settings.reset(m.group(1))) {
      report(m.group(1));
    }
    return LocalRows.command("RESET");
  }

  private void report(String name) {
    String key = ClientSettings.canonical(name);
    reports.add(new Report(key, settings.get(key)));
  }

  private RowStream show(String rawName) {
    String name = rawName.replaceAll("(?i)\\s+isolation\\s+level", "_isolation").trim();
    if (name.equalsIgnoreCase("all")) {
      List<Object[]> rows = new ArrayList<>();
      for (Map.Entry<String, String> e : settings.all().entrySet()) {
        rows.add(new Object[] {Utf8String.of(e.getKey()), Utf8String.of(e.getValue()), Utf8String.EMPTY});
      }
      return local(new CatalogAnswerer.Answer(List.of(text("name"), text("setting"), text("description")), rows));
    }
    String value = name.toLowerCase(Locale.ROOT).startsWith("ember.") ? session.conf(name) : settings.get(name);
    if (value == null) {
      throw new PgError(PgError.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
    }
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {Utf8String.of(value)});
    return local(new CatalogAnswerer.Answer(List.of(text(name.toLowerCase(Locale.ROOT))), rows));
  }

  private static Field text(String name) { return new Field(name, DataType.VARCHAR, true); }

  private static LocalRows local(CatalogAnswerer.Answer a) {
    List<ResultColumn> cols = new ArrayList<>();
    for (Field f : a.columns()) cols.add(ResultColumn.of(f));
    return LocalRows.of(cols, a.rows());
  }

  private static String unquote(String v) {
    String s = v.trim();
    if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
      return s.substring(1, s.length() - 1).replace("''", "'");
    }
    return s;
  }

  /** The CommandComplete tag of a statement without rows, as PostgreSQL names it. */
  static String tagFor(String word, String sql) {
    String upper = sql.toUpperCase(Locale.ROOT);
    if (word.equals("CREATE") || word.equals("DROP")) {
      return word + (upper.contains(" VIEW ") ? " VIEW" : " TABLE");
    }
    return word.isEmpty() ? "OK" : word;
  }
}
