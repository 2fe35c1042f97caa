package dev.ember.cli;

import dev.ember.catalyst.catalog.Catalog;
import dev.ember.catalyst.catalog.Table;
import dev.ember.catalyst.types.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion for the shell, read fresh from the session's catalog at every Tab so new views
 * and tables appear at once:
 * <ul>
 *   <li>a word with dots completes the path: {@code tpch.} → {@code tpch.tiny.}, {@code tpch.tiny.li}
 *       → {@code tpch.tiny.lineitem}, {@code tpch.tiny.nation.n_} → its columns;</li>
 *   <li>any other word: SQL keywords, the top-level schemas and tables, and the columns of every
 *       table named elsewhere in the input ({@code SELECT l_ret… FROM tpch.tiny.lineitem});</li>
 *   <li>the first word of a backslash command: the shell's commands.</li>
 * </ul>
 * Matching ignores case (the reader is built with {@code CASE_INSENSITIVE}).
 */
final class SqlCompleter implements Completer {
  static final List<String> KEYWORDS = List.of(
      "SELECT", "FROM", "WHERE", "GROUP", "BY", "ORDER", "HAVING", "LIMIT", "OFFSET", "JOIN", "LEFT", "RIGHT",
      "FULL", "OUTER", "INNER", "CROSS", "ON", "USING", "AS", "AND", "OR", "NOT", "NULL", "IS", "IN", "EXISTS",
      "BETWEEN", "LIKE", "CASE", "WHEN", "THEN", "ELSE", "END", "DISTINCT", "UNION", "ALL", "INTERSECT", "EXCEPT",
      "WITH", "CAST", "INTERVAL", "DATE", "TIMESTAMP", "EXTRACT", "SUBSTRING", "COUNT", "SUM", "AVG", "MIN", "MAX",
      "ASC", "DESC", "NULLS", "FIRST", "LAST", "OVER", "PARTITION", "ROWS", "EXPLAIN", "SHOW", "TABLES", "DESCRIBE",
      "CREATE", "TEMPORARY", "VIEW", "TABLE", "DROP", "IF", "REPLACE", "SET", "VALUES", "TRUE", "FALSE");

  private final Catalog catalog;

  SqlCompleter(Catalog catalog) { this.catalog = catalog; }

  @Override public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    candidates.addAll(candidates(line.line(), line.wordIndex(), line.word().substring(0, line.wordCursor()),
        line.words()));
  }

  /** What may replace {@code word}, the {@code wordIndex}-th word of {@code input}, up to the cursor. */
  List<Candidate> candidates(String input, int wordIndex, String word, List<String> words) {
    List<Candidate> out = new ArrayList<>();
    if (input.stripLeading().startsWith("\\")) {
      if (wordIndex == 0) for (String c : MetaCommands.NAMES) out.add(new Candidate(c));
      else tablesAndPaths(word, out); // \d and \dt take a table or schema name
      return out;
    }
    if (word.indexOf('.') >= 0) {
      tablesAndPaths(word, out);
      return out;
    }
    for (String k : KEYWORDS) out.add(new Candidate(k, k, "keywords", null, null, null, true));
    children(List.of(), "", out);
    Set<String> columns = new LinkedHashSet<>();
    for (String w : words) {
      for (String name : w.split("[(),;]")) {
        table(name).ifPresent(t -> t.schema().fields().forEach(f -> columns.add(f.name())));
      }
    }
    for (String c : columns) out.add(new Candidate(c, c, "columns", null, null, null, true));
    return out;
  }

  /** Completes a dotted path: the schemas and tables inside its prefix, or the columns of its table. */
  private void tablesAndPaths(String word, List<Candidate> out) {
    int dot = word.lastIndexOf('.');
    if (dot < 0) {
      children(List.of(), "", out);
      return;
    }
    String prefix = word.substring(0, dot + 1);
    List<String> path = Arrays.asList(word.substring(0, dot).split("\\."));
    children(path, prefix, out);
    Optional<Table> t = catalog.table(path);
    if (t.isPresent()) {
      for (Field f : t.get().schema().fields()) {
        out.add(new Candidate(prefix + f.name(), f.name(), "columns", null, null, null, true));
      }
    }
  }

  private void children(List<String> path, String prefix, List<Candidate> out) {
    for (String s : safe(() -> catalog.schemaNames(path))) {
      out.add(new Candidate(prefix + s + ".", s, "schemas", null, null, null, false)); // go on typing inside it
    }
    for (String t : safe(() -> catalog.tableNames(path))) {
      out.add(new Candidate(prefix + t, t, "tables", null, null, null, true));
    }
  }

  private Optional<Table> table(String name) {
    if (name.isBlank() || name.startsWith("'")) return Optional.empty();
    try {
      return catalog.table(Arrays.asList(name.split("\\.")));
    } catch (RuntimeException e) {
      return Optional.empty(); // completion never fails the shell
    }
  }

  private static List<String> safe(java.util.function.Supplier<List<String>> names) {
    try {
      return names.get();
    } catch (RuntimeException e) {
      return List.of(); // a catalog that cannot list (a broken persistent one) offers nothing
    }
  }
}
