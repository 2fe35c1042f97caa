package dev.ember.cli;

import java.io.PrintStream;

/**
 * What the shell's backslash commands change between statements: the output format, the print
 * settings ({@code \timing}, {@code \x}, {@code \rows}) and where results go ({@code \o}).
 * Used by the shell's one thread only.
 */
final class ShellOptions {
  /** Rows the table format shows in the shell unless {@code --conf ember.cli.maxRows} says otherwise. */
  static final int SHELL_MAX_ROWS = 100;

  private final PrintStream terminalOut;
  OutputFormat format;
  PrintSettings settings;
  /** Where results go: the terminal, or the file of {@code \o}. */
  PrintStream results;
  /** The file of {@code \o}, or null. */
  String resultsFile;

  ShellOptions(OutputFormat format, PrintSettings settings, PrintStream terminalOut) {
    this.format = format;
    this.settings = settings;
    this.terminalOut = terminalOut;
    this.results = terminalOut;
  }

  /** Results to the terminal again, closing the {@code \o} file if any. */
  void resultsToTerminal() {
    if (results != terminalOut) results.close();
    results = terminalOut;
    resultsFile = null;
  }

  PrintStream terminal() { return terminalOut; }
}
