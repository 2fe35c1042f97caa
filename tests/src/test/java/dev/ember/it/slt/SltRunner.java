package dev.ember.it.slt;

import dev.ember.it.slt.SltEngine.Failure;
import dev.ember.it.slt.SltEngine.Outcome;
import dev.ember.it.slt.SltEngine.Rows;
import dev.ember.it.slt.SltRecord.Query;
import dev.ember.it.slt.SltRecord.SortMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Runs the records of one file on one engine and compares what it gives with the file. Every
 * mismatch is collected (the file goes on), each starting with {@code file:line}; the answers
 * of query records are kept so the file can be rewritten from them (see {@link SltFile}).
 *
 * <p>On Ember a {@code statement error} must end in an {@code EmberException} whose text
 * ({@code SQLSTATE: [line L, column C: ]message}) contains the pattern or matches it as a
 * regular expression; any other exception is a failure. When DuckDB writes the expectations,
 * its disagreements with a {@code statement error} are only notes: the engines legitimately
 * differ there (DuckDB's {@code 1 / 0} is NULL, Ember's an error).
 */
final class SltRunner {
  /** Longest one record may run before the file is abandoned. */
  static final long RECORD_TIMEOUT_SECONDS = 60;

  private final String file;
  private final SltEngine engine;
  private final boolean strictTypes;
  private final boolean rewriting;
  private final List<String> failures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<Query, List<String>> answers = new LinkedHashMap<>();
  private int ran;

  /** With {@code rewriting}, wrong rows are not failures: the file is about to be rewritten. */
  SltRunner(String file, SltEngine engine, boolean rewriting) {
    this.file = file;
    this.engine = engine;
    this.rewriting = rewriting;
    this.strictTypes = engine.name().equals("ember");
  }

  /** Runs {@code records} in order until the end or a {@code halt}. */
  void run(List<SltRecord> records) {
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "slt-" + file);
      t.setDaemon(true);
      return t;
    });
    try {
      for (SltRecord record : records) {
        if (!record.runsOn(engine.name())) continue;
        if (record instanceof SltRecord.Halt) return;
        String sql = record instanceof Query q ? q.sql() : ((SltRecord.Statement) record).sql();
        Outcome outcome = runWithTimeout(worker, sql);
        if (outcome == null) {
          failures.add(where(record) + "did not finish in " + RECORD_TIMEOUT_SECONDS + " s; the rest of the file is skipped\n" + sql);
          return;
        }
        ran++;
        if (record instanceof Query q) check(q, outcome);
        else check((SltRecord.Statement) record, outcome);
      }
    } finally {
      worker.shutdownNow();
    }
  }

  List<String> failures() { return failures; }

  List<String> notes() { return notes; }

  /** The records run (not skipped). */
  int ran() { return ran; }

  /** The expected lines each successful query record should have, as this engine answered. */
  Map<Query, List<String>> answers() { return answers; }

  private Outcome runWithTimeout(ExecutorService worker, String sql) {
    Future<Outcome> f = worker.submit(() -> engine.run(sql));
    try {
      return f.get(RECORD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      return new Failure(false, "the runner failed: " + e.getCause());
    }
  }

  private void check(SltRecord.Statement st, Outcome outcome) {
    boolean duck = !strictTypes;
    if (!st.expectsError()) {
      if (outcome instanceof Failure f) failures.add(where(st) + "statement failed: " + f.text() + "\n" + st.sql());
      return;
    }
    String problem = null;
    if (outcome instanceof Rows) {
      problem = "statement succeeded but an error was expected" + patternNote(st);
    } else if (outcome instanceof Failure f && !f.userError()) {
      problem = "expected a user error" + patternNote(st) + " but got an internal one: " + f.text();
    } else if (outcome instanceof Failure f && !duck && !matches(st.errorPattern(), f.text())) {
      problem = "error does not match '" + st.errorPattern() + "': " + f.text();
    }
    if (problem == null) return;
    if (duck) notes.add(where(st) + "DuckDB differs: " + problem + "\n" + st.sql());
    else failures.add(where(st) + problem + "\n" + st.sql());
  }

  private static String patternNote(SltRecord.Statement st) {
    return st.errorPattern().isEmpty() ? "" : " ('" + st.errorPattern() + "')";
  }

  static boolean matches(String pattern, String text) {
    if (pattern.isEmpty() || text.contains(pattern)) return true;
    try {
      return Pattern.compile(pattern, Pattern.DOTALL).matcher(text).find();
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  private void check(Query q, Outcome outcome) {
    if (outcome instanceof Failure f) {
      failures.add(where(q) + "query failed: " + f.text() + "\n" + q.sql() + "\nexpected:\n" + indent(q.expected()));
      return;
    }
    Rows rows = (Rows) outcome;
    boolean typesOk = strictTypes ? SltTypes.matches(q.types(), rows.types()) : q.types().length() == rows.types().length();
    if (!typesOk) {
      failures.add(where(q) + "columns are " + rows.types() + ", the header says " + q.types() + "\n" + q.sql());
      return;
    }
    List<String> actual = lines(rows.rows(), q.sort());
    answers.put(q, actual);
    List<String> expected = q.sort() == SortMode.NOSORT ? q.expected() : sorted(q.expected());
    if (expected.equals(actual)) return;
    if (rows.types().length() > 1 && expected.equals(valueLines(rows.rows(), q.sort()))) return;
    if (rewriting) return;  // the new lines are written; git diff shows the change
    failures.add(where(q) + "wrong rows\n" + q.sql() + "\nexpected:\n" + indent(expected) + "\nactual:\n" + indent(actual));
  }

  /** The expected-result lines of {@code rows}: one row per line, or one value per line for valuesort. */
  static List<String> lines(List<List<String>> rows, SortMode sort) {
    if (sort == SortMode.VALUESORT) return sorted(rows.stream().flatMap(List::stream).toList());
    List<String> out = rows.stream().map(r -> String.join(SltText.SEPARATOR, r)).toList();
    return sort == SortMode.ROWSORT ? sorted(out) : out;
  }

  /** One value per line (SQLite's layout), rows in the order the sort mode gives. */
  private static List<String> valueLines(List<List<String>> rows, SortMode sort) {
    List<List<String>> ordered = new ArrayList<>(rows);
    if (sort == SortMode.ROWSORT) ordered.sort((a, b) -> String.join(SltText.SEPARATOR, a).compareTo(String.join(SltText.SEPARATOR, b)));
    return ordered.stream().flatMap(List::stream).toList();
  }

  private static List<String> sorted(List<String> lines) {
    List<String> out = new ArrayList<>(lines);
    out.sort(null);
    return out;
  }

  private String where(SltRecord r) { return file + ":" + r.line() + ": "; }

  private static String indent(List<String> lines) {
    if (lines.isEmpty()) return "    (no rows)";
    StringBuilder sb = new StringBuilder();
    for (String l : lines) sb.append(sb.length() == 0 ? "" : "\n").append("    ").append(l);
    return sb.toString();
  }
}
