package dev.ember.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.ember.catalyst.errors.EmberException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The {@code ember} command line: parses the arguments, opens a session and runs statements
 * from {@code -e}, {@code -f}, piped stdin or the interactive shell; or hands over to a
 * subcommand. Exit status 0 on success, 1 when a statement fails, 2 on bad usage. Output is
 * always UTF-8.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false, UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, UTF_8);
    int status = run(args, System.in, out, err);
    out.flush();
    err.flush();
    System.exit(status); // engine threads must not keep the process alive
  }

  /** Runs the command line against the real engine; returns the exit status. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    boolean terminal = in == System.in && System.console() != null;
    return run(args, in, out, err, SqlEngine::session, terminal);
  }

  /** As {@link #run(String[], InputStream, PrintStream, PrintStream)}, on any engine. */
  static int run(String[] argv, InputStream in, PrintStream out, PrintStream err,
      SqlEngine.Factory engines, boolean terminal) {
    CliArgs args;
    PrintSettings settings;
    try {
      args = CliArgs.parse(argv);
      settings = PrintSettings.from(args.conf());
    } catch (CliArgs.UsageException | IllegalArgumentException e) {
      return usageError(err, e.getMessage());
    }
    if (args.help()) {
      out.print(CliArgs.USAGE);
      out.flush();
      return 0;
    }
    if (args.command() != null) {
      Optional<Command> command = Commands.lookup(args.command());
      if (command.isEmpty()) return usageError(err, "unknown command '" + args.command() + "'");
      return command.get().run(args.commandArgs(), in, out, err);
    }
    ErrorReporter errors = new ErrorReporter(err, args.flag(ErrorReporter.STACK_TRACES_KEY));
    try (SqlEngine engine = engines.open(args)) {
      if (args.interactiveOrStdin() && terminal) return shell(engine, args);
      // A reader that went away (`ember … | head`) stops the reading of the result it no longer wants.
      PrintSettings scriptSettings = settings.withCancelled(out::checkError);
      ScriptRunner runner = new ScriptRunner(engine, args.format().printer(out, scriptSettings), errors, out::flush);
      try (Reader script = script(args, in)) {
        return runner.run(script);
      }
    } catch (IOException | RuntimeException e) {
      out.flush();
      errors.report(e, null);
      return 1;
    }
  }

  /** Where the statements come from: -e text, a -f file ({@code -} for stdin), else stdin. */
  private static Reader script(CliArgs args, InputStream in) throws IOException {
    if (args.sql() != null) return new StringReader(args.sql());
    if ("-".equals(args.file())) return new InputStreamReader(in, UTF_8);
    if (args.file() != null) {
      try {
        return Files.newBufferedReader(Path.of(args.file()), UTF_8);
      } catch (IOException e) {
        String why = e instanceof NoSuchFileException ? "no such file" : e.toString();
        throw new EmberException(EmberException.IO_ERROR, "cannot read " + args.file() + ": " + why, e);
      }
    }
    return new InputStreamReader(in, UTF_8);
  }

  private static int shell(SqlEngine engine, CliArgs args) throws IOException {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      return new Shell(terminal, engine, args, Shell.defaultHistory()).run();
    }
  }

  private static int usageError(PrintStream err, String message) {
    err.println("ember: " + message);
    err.println();
    err.print(CliArgs.USAGE);
    err.flush();
    return 2;
  }
}
