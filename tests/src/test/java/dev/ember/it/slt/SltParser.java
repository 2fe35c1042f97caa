package dev.ember.it.slt;

import dev.ember.it.slt.SltRecord.Condition;
import dev.ember.it.slt.SltRecord.SortMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the sqllogictest record format (as SQLite, DuckDB and DataFusion write it) into
 * {@link SltRecord}s. Records are separated by blank lines; lines starting with {@code #}
 * between records are comments. {@code hash-threshold} lines are accepted and ignored.
 * A parse error names the file and line.
 */
final class SltParser {
  private final String file;
  private final List<String> lines;
  private int pos;

  private SltParser(String file, List<String> lines) {
    this.file = file;
    this.lines = lines;
  }

  /** Parses the lines of {@code file} (its name is used in error messages only). */
  static List<SltRecord> parse(String file, List<String> lines) {
    return new SltParser(file, lines).records();
  }

  private List<SltRecord> records() {
    List<SltRecord> out = new ArrayList<>();
    List<Condition> conditions = new ArrayList<>();
    while (pos < lines.size()) {
      String raw = lines.get(pos);
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        if (line.isEmpty() && !conditions.isEmpty()) throw error("skipif/onlyif without a record");
        pos++;
        continue;
      }
      String[] words = line.split("\\s+");
      String kind = words[0].toLowerCase(Locale.ROOT);
      int lineNo = pos + 1;
      if (kind.equals("skipif") || kind.equals("onlyif")) {
        if (words.length != 2) throw error(kind + " needs one engine name");
        conditions.add(new Condition(kind.equals("skipif"), words[1]));
        pos++;
        continue;
      }
      List<Condition> conds = List.copyOf(conditions);
      conditions.clear();
      switch (kind) {
        case "statement" -> out.add(statement(lineNo, conds, statementPattern(words, line)));
        case "query" -> out.add(query(lineNo, conds, words, line));
        case "halt" -> {
          out.add(new SltRecord.Halt(lineNo, conds));
          pos++;
        }
        case "hash-threshold" -> pos++;
        default -> throw error("unknown record '" + words[0] + "'");
      }
    }
    return out;
  }

  /** Null for {@code statement ok}; the text after {@code error} (maybe empty) otherwise. */
  private String statementPattern(String[] words, String header) {
    if (words.length >= 2 && words[1].equalsIgnoreCase("ok")) {
      if (words.length > 2) throw error("statement ok takes nothing after ok");
      return null;
    }
    if (words.length >= 2 && words[1].equalsIgnoreCase("error")) return errorText(header);
    throw error("statement needs ok or error");
  }

  private static String errorText(String header) {
    return header.substring(header.toLowerCase(Locale.ROOT).indexOf("error") + 5).strip();
  }

  private SltRecord statement(int lineNo, List<Condition> conds, String pattern) {
    pos++;
    String sql = sqlUntilSeparator();
    if (pos < lines.size() && lines.get(pos).strip().equals("----")) {
      if (pattern == null) throw error("statement ok has no result section");
      pos++;
      List<String> message = block();
      if (!pattern.isEmpty() && !message.isEmpty()) throw error("error pattern given twice");
      if (!message.isEmpty()) pattern = String.join("\n", message).strip();
    }
    return new SltRecord.Statement(lineNo, conds, sql, pattern);
  }

  private SltRecord query(int lineNo, List<Condition> conds, String[] words, String header) {
    if (words.length < 2) throw error("query needs its column types");
    if (words[1].equalsIgnoreCase("error")) {
      // DataFusion's "query error <pattern>" is a statement error that is a query.
      return statement(lineNo, conds, errorText(header));
    }
    String types = words[1];
    if (!types.matches("[IRTBDP?]+")) throw error("unknown column types '" + types + "' (I R T B D P ?)");
    SortMode sort = SortMode.NOSORT;
    if (words.length > 2) {
      sort = switch (words[2].toLowerCase(Locale.ROOT)) {
        case "nosort" -> SortMode.NOSORT;
        case "rowsort" -> SortMode.ROWSORT;
        case "valuesort" -> SortMode.VALUESORT;
        default -> throw error("unknown sort mode '" + words[2] + "'");
      };
    }
    if (words.length > 3) throw error("labels after the sort mode are not supported");
    pos++;
    String sql = sqlUntilSeparator();
    int sqlEnd = pos;
    if (pos >= lines.size() || !lines.get(pos).strip().equals("----")) {
      return new SltRecord.Query(lineNo, conds, types, sort, sql, List.of(), sqlEnd, -1, -1);
    }
    pos++;
    int start = pos;
    List<String> expected = block();
    return new SltRecord.Query(lineNo, conds, types, sort, sql, expected, sqlEnd, start, start + expected.size());
  }

  /** SQL lines up to a blank line or {@code ----}; the position stays on that line. */
  private String sqlUntilSeparator() {
    StringBuilder sql = new StringBuilder();
    while (pos < lines.size() && !lines.get(pos).isBlank() && !lines.get(pos).strip().equals("----")) {
      if (sql.length() > 0) sql.append('\n');
      sql.append(lines.get(pos));
      pos++;
    }
    if (sql.toString().isBlank()) throw error("record without SQL");
    return sql.toString();
  }

  /** Lines up to a blank line, kept exactly (values may end in spaces). */
  private List<String> block() {
    List<String> out = new ArrayList<>();
    while (pos < lines.size() && !lines.get(pos).isEmpty()) {
      out.add(lines.get(pos));
      pos++;
    }
    return out;
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException(file + ":" + (pos + 1) + ": " + message);
  }
}
