package dev.ember.cli;

import dev.ember.api.QueryResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Runs a script — the text of {@code -e}, a {@code -f} file or piped stdin — statement by
 * statement: each is run and printed as soon as its {@code ;} has been read, so a script piped in
 * runs while it is being written. The first failing statement stops the script.
 */
final class ScriptRunner {
  private final SqlEngine engine;
  private final ResultPrinter printer;
  private final ErrorReporter errors;
  private final Runnable flush;
  private final StatementListener listener;

  ScriptRunner(SqlEngine engine, ResultPrinter printer, ErrorReporter errors, Runnable flush) {
    this(engine, printer, errors, flush, StatementListener.NONE);
  }

  ScriptRunner(SqlEngine engine, ResultPrinter printer, ErrorReporter errors, Runnable flush,
               StatementListener listener) {
    this.engine = engine;
    this.printer = printer;
    this.errors = errors;
    this.flush = flush;
    this.listener = listener;
  }

  /** Runs every statement read from {@code in}; returns the exit status (0 ok, 1 failed). */
  int run(Reader in) {
    BufferedReader lines = new BufferedReader(in);
    StringBuilder pending = new StringBuilder();
    int line = 1;
    int column = 1;
    try {
      String text;
      while ((text = lines.readLine()) != null) {
        pending.append(text).append('\n');
        if (text.indexOf(';') < 0) continue; // no statement can have ended on this line
        StatementSplitter.Split split = StatementSplitter.split(pending.toString(), line, column);
        if (!runAll(split.statements())) return 1;
        pending.setLength(0);
        pending.append(split.rest());
        line = split.restLine();
        column = split.restColumn();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return runAll(StatementSplitter.split(pending.toString(), line, column).withRest()) ? 0 : 1;
  }

  private boolean runAll(List<Statement> statements) {
    for (Statement s : statements) {
      if (!runOne(s)) return false;
    }
    return true;
  }

  /** Runs and prints one statement; false (after reporting why) when it failed. */
  boolean runOne(Statement s) {
    Stopwatch watch = Stopwatch.start();
    try (QueryResult r = engine.sql(s.sql())) {
      listener.started(r);
      if (r.hasRows()) printer.printRows(r, watch);
      else printer.printOk(watch);
      return true;
    } catch (RuntimeException | Error e) {
      flush.run();
      errors.report(e, s);
      return false;
    } finally {
      listener.ended(watch);
      flush.run();
    }
  }
}
