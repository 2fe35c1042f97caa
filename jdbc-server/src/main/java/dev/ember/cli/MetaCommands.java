package dev.ember.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The shell's own commands, psql-style ({@code \x}, {@code \d}) with a few sqlite/DuckDB aliases
 * ({@code .mode csv}, {@code exit}). A command is one line; a trailing {@code ;} is ignored.
 * Listings ({@code \d}, {@code \dt}) run {@code SHOW TABLES} and {@code DESCRIBE} as psql runs its
 * catalog queries, so they print in the current format.
 */
final class MetaCommands {
  /** The command names, for completion. */
  static final List<String> NAMES = List.of("\\?", "\\d", "\\dt", "\\format", "\\o", "\\q", "\\rows", "\\timing",
      "\\x");

  static final String HELP = """
      Type SQL statements ending with ';' (they may span lines). Tab completes keywords, schemas,
      tables and columns. Shell commands (one line, no ';' needed):
        \\d [NAME]            list tables, or describe table NAME (e.g. \\d tpch.tiny.orders)
        \\dt [SCHEMA]         list the tables at the top level or in SCHEMA (e.g. \\dt tpch.tiny)
        \\x [on|off|auto]     expanded output: one record per row (auto: when wider than the screen)
        \\timing [on|off]     show how long each statement took
        \\format [table|csv|json]   output format (also: .mode csv)
        \\rows [N|all]        rows the table format shows before "… more rows" (shell default 100)
        \\o [FILE]            send results to FILE; \\o alone: back to the screen
        \\?, help             this text
        \\q, exit, quit       leave the shell (or Ctrl-D)
      Ctrl-C clears the current input, or cancels a running statement (twice: quits).
      Long queries show a progress bar after a second. History is kept in %s.
      Try: SELECT * FROM tpch.tiny.nation;
      """;

  /** What the shell does after a command. */
  enum Outcome { CONTINUE, QUIT }

  private final ShellOptions options;
  private final PrintStream screen;
  private final Consumer<String> runSql;
  private final String historyFile;

  /** {@code runSql} runs a statement and prints its result with the current options. */
  MetaCommands(ShellOptions options, Consumer<String> runSql, String historyFile) {
    this.options = options;
    this.screen = options.terminal();
    this.runSql = runSql;
    this.historyFile = historyFile;
  }

  /** True when {@code line} is a shell command rather than SQL. */
  static boolean isCommand(String line) {
    String s = line.strip().toLowerCase(Locale.ROOT);
    if (s.endsWith(";")) s = s.substring(0, s.length() - 1).strip();
    return s.startsWith("\\") || s.equals(".mode") || s.startsWith(".mode ")
        || SqlLineParser.EXIT.contains(s) || SqlLineParser.HELP.contains(s);
  }

  /** Runs the command on {@code line}. */
  Outcome run(String line) {
    String s = line.strip();
    if (s.endsWith(";")) s = s.substring(0, s.length() - 1).strip();
    String[] parts = s.split("\\s+", 2);
    String name = parts[0].toLowerCase(Locale.ROOT);
    String arg = parts.length > 1 ? parts[1].strip() : "";
    switch (name) {
      case "\\q", "exit", "quit" -> {
        return Outcome.QUIT;
      }
      case "\\?", "\\h", "help" -> screen.print(HELP.formatted(historyFile));
      case "\\timing" -> {
        options.settings = options.settings.withTiming(onOff(arg, !options.settings.timing()));
        screen.println("Timing is " + (options.settings.timing() ? "on." : "off."));
      }
      case "\\x" -> expanded(arg);
      case "\\format", ".mode" -> format(arg);
      case "\\rows" -> rows(arg);
      case "\\o" -> output(arg);
      case "\\d" -> runSql.accept(arg.isEmpty() ? "SHOW TABLES" : "DESCRIBE " + arg);
      case "\\dt" -> runSql.accept(arg.isEmpty() ? "SHOW TABLES" : "SHOW TABLES IN " + arg);
      default -> screen.println("Invalid command " + name + ". Try \\? for help.");
    }
    screen.flush();
    return Outcome.CONTINUE;
  }

  private void expanded(String arg) {
    PrintSettings.Expanded now = options.settings.expanded();
    PrintSettings.Expanded next;
    if (arg.isEmpty()) {
      next = now == PrintSettings.Expanded.OFF ? PrintSettings.Expanded.ON : PrintSettings.Expanded.OFF;
    } else {
      try {
        next = PrintSettings.Expanded.parse(arg);
      } catch (IllegalArgumentException e) {
        screen.println("\\x: " + e.getMessage());
        return;
      }
    }
    options.settings = options.settings.withExpanded(next, options.settings.screenWidth());
    screen.println(next == PrintSettings.Expanded.AUTO ? "Expanded display is used automatically."
        : "Expanded display is " + next + ".");
  }

  private void format(String arg) {
    if (!arg.isEmpty()) {
      try {
        options.format = OutputFormat.parse(arg);
      } catch (IllegalArgumentException e) {
        screen.println(e.getMessage());
        return;
      }
    }
    screen.println("Output format is " + options.format + ".");
  }

  private void rows(String arg) {
    if (!arg.isEmpty()) {
      try {
        int n = arg.equalsIgnoreCase("all") ? Integer.MAX_VALUE : Integer.parseInt(arg);
        options.settings = options.settings.withMaxRows(n);
      } catch (IllegalArgumentException e) {
        screen.println("\\rows: expected a number >= 0 or 'all', not '" + arg + "'");
        return;
      }
    }
    int n = options.settings.maxTableRows();
    screen.println(n == Integer.MAX_VALUE ? "Showing all rows." : "Showing at most " + n + " rows.");
  }

  private void output(String arg) {
    if (arg.isEmpty()) {
      options.resultsToTerminal();
      screen.println("Results go to the screen.");
      return;
    }
    try {
      PrintStream file = new PrintStream(new FileOutputStream(arg), false, UTF_8);
      options.resultsToTerminal();
      options.results = file;
      options.resultsFile = arg;
      screen.println("Results go to " + arg + ".");
    } catch (IOException e) {
      screen.println("\\o: cannot write " + arg + ": " + e.getMessage());
    }
  }

  private boolean onOff(String arg, boolean toggled) {
    if (arg.isEmpty()) return toggled;
    return switch (arg.toLowerCase(Locale.ROOT)) {
      case "on", "true", "1" -> true;
      case "off", "false", "0" -> false;
      default -> toggled;
    };
  }
}
