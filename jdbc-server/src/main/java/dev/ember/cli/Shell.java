package dev.ember.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The interactive SQL shell on a JLine terminal: prompt {@code ember> }, continuation
 * {@code    -> } until a statement ends with {@code ;}, history kept in {@code ~/.ember_history},
 * Ctrl-C clears the input (or cancels a running statement), Ctrl-D leaves. A failing
 * statement prints one message (red where the terminal has colours) and the shell goes on.
 */
final class Shell {
  static final String PROMPT = "ember> ";
  static final String CONTINUATION = "   -> ";
  private static final String[] KEYWORDS = {
    "SELECT", "FROM", "WHERE", "GROUP BY", "ORDER BY", "HAVING", "LIMIT", "JOIN", "LEFT JOIN",
    "INNER JOIN", "ON", "AS", "AND", "OR", "NOT", "NULL", "IS", "IN", "BETWEEN", "LIKE", "CASE",
    "WHEN", "THEN", "ELSE", "END", "DISTINCT", "UNION ALL", "WITH", "CAST", "COUNT", "SUM", "AVG",
    "MIN", "MAX", "EXPLAIN", "SHOW TABLES", "CREATE TABLE", "DROP TABLE", "INSERT INTO", "VALUES",
    "SET", "DESCRIBE", "tpch.tiny", "tpch.sf1",
  };
  private static final String HELP = """
      Type SQL statements ending with ';' (they may span lines).
        exit, quit, \\q   leave the shell (or Ctrl-D)
        help, \\?         this text
      Ctrl-C clears the current input, or cancels a running statement (twice: quits).
      Try: SELECT * FROM tpch.tiny.nation;
      """;

  private final Terminal terminal;
  private final SqlEngine engine;
  private final CliArgs args;
  private final Path historyFile;

  Shell(Terminal terminal, SqlEngine engine, CliArgs args, Path historyFile) {
    this.terminal = terminal;
    this.engine = engine;
    this.args = args;
    this.historyFile = historyFile;
  }

  /** The default history file, {@code ~/.ember_history} ($HOME as the shell sees it first). */
  static Path defaultHistory() {
    String home = System.getenv("HOME");
    if (home == null || home.isBlank()) home = System.getProperty("user.home");
    return Path.of(home, ".ember_history");
  }

  /** Runs until Ctrl-D or {@code exit}; returns the exit status (always 0). */
  int run() {
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("ember")
        .parser(new SqlLineParser())
        .completer(new StringsCompleter(KEYWORDS))
        .variable(LineReader.HISTORY_FILE, historyFile)
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
        .variable(LineReader.INDENTATION, 0)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is SQL, not history
        .option(LineReader.Option.INSERT_BRACKET, false)
        .build();
    PrintStream out = new PrintStream(terminal.output(), false, terminal.encoding());
    AtomicBoolean cancel = new AtomicBoolean();
    PrintSettings settings = PrintSettings.from(args.conf()).withCancelled(cancel::get);
    ErrorReporter errors = new ErrorReporter(out, args.flag(ErrorReporter.STACK_TRACES_KEY), this::red, true);
    out.println("Ember SQL shell (" + args.master() + "). End statements with ';'; 'help' for help, Ctrl-D to leave.");
    out.flush();
    try {
      while (true) {
        String input;
        try {
          input = reader.readLine(PROMPT);
        } catch (UserInterruptException e) {
          continue; // Ctrl-C: the input is dropped, a fresh prompt follows
        } catch (EndOfFileException e) {
          break;
        }
        String command = SqlLineParser.command(input);
        if (command != null && SqlLineParser.EXIT.contains(command)) break;
        if (command != null) {
          out.print(HELP);
          out.flush();
          continue;
        }
        // A printer per input: its statements' outputs are separated, the next input starts afresh.
        ScriptRunner runner = new ScriptRunner(engine, args.format().printer(out, settings), errors, out::flush);
        runStatements(runner, input, cancel);
        out.println();
        out.flush();
      }
    } finally {
      try {
        reader.getHistory().save();
      } catch (IOException e) {
        errors.report(new UncheckedIOException("cannot save history to " + historyFile, e), null);
      }
    }
    return 0;
  }

  /**
   * Runs the statements of one accepted input. The first Ctrl-C meanwhile stops the statement:
   * the printer stops reading between batches and the waiting thread is interrupted, so a query
   * blocked on its next batch fails with "cancelled" and is closed (which cancels its tasks). A
   * second Ctrl-C leaves ember, the way out of a query that does not stop.
   */
  private void runStatements(ScriptRunner runner, String input, AtomicBoolean cancel) {
    cancel.set(false);
    Thread statementThread = Thread.currentThread();
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> {
      if (cancel.getAndSet(true)) {
        terminal.writer().println("\nQuitting.");
        terminal.flush();
        System.exit(130); // 128 + SIGINT, as a shell reports it
      }
      terminal.writer().println("\nCancelling… (Ctrl-C again quits ember)");
      terminal.flush();
      statementThread.interrupt();
    });
    try {
      for (Statement s : StatementSplitter.splitScript(input)) {
        if (cancel.get() || !runner.runOne(s)) break;
      }
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      Thread.interrupted(); // a late Ctrl-C must not disturb the next readLine
    }
  }

  private String red(String text) {
    return new AttributedString(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)).toAnsi(terminal);
  }
}
