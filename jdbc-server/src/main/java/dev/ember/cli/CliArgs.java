package dev.ember.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed command line of the shell:
 * {@code ember [--master URL] [--conf key=value]... [--format table|csv|json] [-e SQL | -f FILE]}.
 * Options also take the {@code --name=value} form. A first argument that is a plain word names a
 * subcommand ({@code ember server …}); it and everything after it is left to that subcommand.
 *
 * @param master where tasks run, {@code local[*]} unless given
 * @param conf settings for the session, in the order given (a later one for a key wins)
 * @param format how results are printed
 * @param sql the statements of {@code -e}, or null
 * @param file the script of {@code -f}, or null
 * @param help true for {@code -h}/{@code --help}
 * @param command the subcommand, or null
 * @param commandArgs the arguments after the subcommand
 */
public record CliArgs(String master, Map<String, String> conf, OutputFormat format, String sql,
    String file, boolean help, String command, List<String> commandArgs) {
  public static final String DEFAULT_MASTER = "local[*]";

  public CliArgs {
    conf = Collections.unmodifiableMap(new LinkedHashMap<>(conf));
    commandArgs = List.copyOf(commandArgs);
  }

  public static final String USAGE = """
      Usage: ember [options]                 interactive SQL shell (reads stdin when it is not a terminal)
             ember [options] -e SQL          run the statements in SQL
             ember [options] -f FILE         run the statements in FILE
             ember COMMAND [args]            run a subcommand (server, executor, …)

      Options:
        --master URL          where to run: local[N], local[*] (default), local-cluster[E,C,M], …
        --conf key=value      set a session setting (repeatable)
        --format FORMAT       table (default); csv (RFC 4180, a header line, NULL as an empty
                              field); json (one array of row objects per result set)
        -e, --execute SQL     statements to run, separated by ';'
        -f, --file FILE       a file of statements to run, separated by ';' (- for stdin)
        -h, --help            show this help

      Settings of the command line itself (via --conf):
        ember.cli.stackTraces=true    print stack traces of errors
        ember.cli.maxRows=N           rows the table format shows (default 10000; the shell: 100)
        ember.cli.maxColumnWidth=N    widest table cell (default 200)
        ember.cli.chunkRows=N         rows the table format aligns and prints at a time (default 1000)

      In the shell, \\? lists its commands (\\d, \\dt, \\x, \\timing, \\format, \\rows, \\o, \\q).
      History: ~/.ember/history (or DIR/history with -Dember.home=DIR in EMBER_JAVA_OPTS).

      Exit status: 0 success, 1 a statement failed, 2 bad usage.
      """;

  /** Parses {@code args}; throws {@link UsageException} with the reason when they are wrong. */
  public static CliArgs parse(String[] args) {
    String master = DEFAULT_MASTER;
    Map<String, String> conf = new LinkedHashMap<>();
    OutputFormat format = OutputFormat.TABLE;
    String sql = null;
    String file = null;
    boolean help = false;
    if (args.length > 0 && !args[0].startsWith("-")) {
      return new CliArgs(master, conf, format, null, null, false, args[0],
          List.of(args).subList(1, args.length));
    }
    Cursor in = new Cursor(args);
    while (in.hasNext()) {
      String name = in.nextOption();
      switch (name) {
        case "-h", "--help" -> help = in.noValue();
        case "--master" -> master = in.value();
        case "--conf" -> {
          String kv = in.value();
          int at = kv.indexOf('=');
          if (at <= 0) throw new UsageException("--conf needs key=value, got '" + kv + "'");
          conf.put(kv.substring(0, at).trim(), kv.substring(at + 1).trim());
        }
        case "--format" -> {
          String f = in.value();
          try {
            format = OutputFormat.parse(f);
          } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
          }
        }
        case "-e", "--execute" -> {
          if (sql != null || file != null) throw new UsageException("give only one of -e and -f, once");
          sql = in.value();
        }
        case "-f", "--file" -> {
          if (sql != null || file != null) throw new UsageException("give only one of -e and -f, once");
          file = in.value();
        }
        default -> throw new UsageException(name.startsWith("-")
            ? "unknown option '" + name + "'" : "unexpected argument '" + name + "'");
      }
    }
    return new CliArgs(master, conf, format, sql, file, help, null, List.of());
  }

  /** True when statements come from neither -e nor -f (the shell or stdin). */
  public boolean interactiveOrStdin() { return sql == null && file == null; }

  /** A setting given with --conf as a boolean (false when absent). */
  public boolean flag(String key) { return Boolean.parseBoolean(conf.getOrDefault(key, "false").trim()); }

  /** Walks the arguments, splitting {@code --name=value} into a name and an inline value. */
  private static final class Cursor {
    private final String[] args;
    private int next;
    private String name;
    private String inline;

    Cursor(String[] args) { this.args = args; }

    boolean hasNext() { return next < args.length; }

    String nextOption() {
      String arg = args[next++];
      int eq = arg.indexOf('=');
      boolean split = arg.startsWith("--") && eq > 2;
      name = split ? arg.substring(0, eq) : arg;
      inline = split ? arg.substring(eq + 1) : null;
      return name;
    }

    /** The option's value: its inline part or the next argument. */
    String value() {
      if (inline != null) return inline;
      if (next >= args.length) throw new UsageException(name + " needs a value");
      return args[next++];
    }

    /** Checks that a flag was not given a value; returns true. */
    boolean noValue() {
      if (inline != null) throw new UsageException(name + " takes no value");
      return true;
    }
  }

  /** Thrown by a parse error; the message says what is wrong, without the usage text. */
  public static final class UsageException extends RuntimeException {
    public UsageException(String message) { super(message); }
  }
}
