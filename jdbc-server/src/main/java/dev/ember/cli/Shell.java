package dev.ember.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The interactive SQL shell on a JLine terminal: prompt {@code ember> }, continuation
 * {@code    -> } until a statement ends with {@code ;}, history kept in
 * {@code ~/.ember/history} (under {@code -Dember.home=DIR}: {@code DIR/history}), tab completion
 * of keywords, schemas, tables and columns ({@link SqlCompleter}), backslash commands
 * ({@link MetaCommands}), a progress bar for statements running over a second
 * ({@link ProgressDisplay}). Ctrl-C clears the input or cancels a running statement, Ctrl-D
 * leaves. A failing statement prints one message (red where the terminal has colours) and the
 * shell goes on.
 */
final class Shell {
  static final String PROMPT = "ember> ";
  static final String CONTINUATION = "   -> ";
  /** System property naming Ember's home directory (history); default {@code ~/.ember}. */
  static final String HOME_PROPERTY = "ember.home";

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

  /** The default history file: {@code history} in {@code ember.home}, else in {@code ~/.ember}. */
  static Path defaultHistory() {
    String dir = System.getProperty(HOME_PROPERTY);
    if (dir == null || dir.isBlank()) {
      String home = System.getenv("HOME");
      if (home == null || home.isBlank()) home = System.getProperty("user.home");
      return Path.of(home, ".ember", "history");
    }
    return Path.of(dir, "history");
  }

  /** Runs until Ctrl-D or {@code \q}; returns the exit status (always 0). */
  int run() {
    createHistoryDirectory();
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("ember")
        .parser(new SqlLineParser())
        .completer(new SqlCompleter(engine.catalog()))
        .variable(LineReader.HISTORY_FILE, historyFile)
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
        .variable(LineReader.INDENTATION, 0)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is SQL, not history
        .option(LineReader.Option.INSERT_BRACKET, false)
        .option(LineReader.Option.CASE_INSENSITIVE, true)
        .build();
    try (ProgressDisplay progress = new ProgressDisplay(terminal.writer(), terminal::getWidth)) {
      PrintStream out = new PrintStream(new ProgressAwareOutput(terminal.output(), progress), false, terminal.encoding());
      ShellOptions options = new ShellOptions(args.format(), shellSettings(), out);
      ErrorReporter errors = new ErrorReporter(out, args.flag(ErrorReporter.STACK_TRACES_KEY), this::red, true);
      MetaCommands commands = new MetaCommands(options,
          sql -> {
            runStatements(options, errors, progress, sql);
            out.println();
          }, historyFile.toString());
      out.println("Ember SQL shell (" + args.master() + "). End statements with ';'; \\? for help, Ctrl-D to leave.");
      out.flush();
      loop(reader, options, commands, errors, progress);
      options.resultsToTerminal();
    } finally {
      saveHistory(reader);
    }
    return 0;
  }

  private void loop(LineReader reader, ShellOptions options, MetaCommands commands, ErrorReporter errors,
                    ProgressDisplay progress) {
    while (true) {
      String input;
      try {
        input = reader.readLine(PROMPT);
      } catch (UserInterruptException e) {
        continue; // Ctrl-C: the input is dropped, a fresh prompt follows
      } catch (EndOfFileException e) {
        return;
      }
      if (MetaCommands.isCommand(input)) {
        if (commands.run(input) == MetaCommands.Outcome.QUIT) return;
        continue;
      }
      runStatements(options, errors, progress, input);
      options.terminal().println(); // an empty line before the next prompt
      options.terminal().flush();
    }
  }

  /** Settings of the shell: those of the command line, showing fewer rows unless told how many. */
  private PrintSettings shellSettings() {
    PrintSettings s = PrintSettings.from(args.conf());
    if (!args.conf().containsKey(PrintSettings.MAX_ROWS_KEY)) s = s.withMaxRows(ShellOptions.SHELL_MAX_ROWS);
    return s;
  }

  /**
   * Runs the statements of one accepted input. The first Ctrl-C meanwhile cancels through a
   * {@link StatementCanceller}; a second one leaves ember, the way out of a query that does not stop.
   */
  private void runStatements(ShellOptions options, ErrorReporter errors, ProgressDisplay progress, String input) {
    StatementCanceller canceller = new StatementCanceller(Thread.currentThread());
    PrintSettings settings = options.settings.withCancelled(canceller::cancelled)
        .withExpanded(options.settings.expanded(), terminal.getWidth());
    PrintStream results = options.results;
    // A printer per input: its statements' outputs are separated, the next input starts afresh.
    ScriptRunner runner = new ScriptRunner(engine, options.format.printer(results, settings), errors, results::flush,
        StatementListener.both(progress, canceller));
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> {
      progress.erase();
      if (!canceller.cancel()) {
        terminal.writer().println("\nQuitting.");
        terminal.flush();
        System.exit(130); // 128 + SIGINT, as a shell reports it
      }
      terminal.writer().println("\nCancelling… (Ctrl-C again quits ember)");
      terminal.flush();
    });
    try {
      for (Statement s : StatementSplitter.splitScript(input)) {
        if (canceller.cancelled() || !runner.runOne(s)) break;
      }
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      Thread.interrupted(); // a late Ctrl-C must not disturb the next readLine
    }
  }

  private void createHistoryDirectory() {
    try {
      Path dir = historyFile.toAbsolutePath().getParent();
      if (dir != null) Files.createDirectories(dir);
    } catch (IOException e) {
      // history is a convenience: the shell runs without it
    }
  }

  private void saveHistory(LineReader reader) {
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      new ErrorReporter(System.err, false).report(new UncheckedIOException("cannot save history to " + historyFile, e), null);
    }
  }

  private String red(String text) {
    return new AttributedString(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)).toAnsi(terminal);
  }
}
