package dev.ember.execution.cluster;

import dev.ember.catalyst.errors.EmberException;
import java.nio.file.Path;
import java.util.UUID;

/** Parses an executor's command line (see {@link ExecutorBackend#main}). */
public final class ExecutorArgs {
  public static final String USAGE =
      "ember executor --driver HOST:PORT [--host HOST] [--port PORT] [--cores N] [--id ID] [--dir DIR]";

  private ExecutorArgs() {}

  /** The options, and the secret from the environment ({@link ExecutorBackend#SECRET_ENV}; null or empty: none). */
  public static ExecutorBackend.Config parse(String[] args, String secret) {
    String driver = null, host = "127.0.0.1", id = null, dir = null;
    int port = 0, cores = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length) throw usage("missing value after " + a);
      String v = args[++i];
      switch (a) {
        case "--driver" -> driver = v;
        case "--host" -> host = v;
        case "--port" -> port = number(a, v);
        case "--cores" -> cores = number(a, v);
        case "--id" -> id = v;
        case "--dir" -> dir = v;
        default -> throw usage("unknown option " + a);
      }
    }
    if (driver == null || driver.lastIndexOf(':') < 0) throw usage("--driver HOST:PORT is required");
    if (cores < 1) throw usage("--cores must be at least 1");
    int colon = driver.lastIndexOf(':');
    if (id == null) id = "executor-" + UUID.randomUUID().toString().substring(0, 8);
    Path local = dir != null ? Path.of(dir) : Path.of(System.getProperty("java.io.tmpdir"), "ember-" + id);
    return new ExecutorBackend.Config(id, driver.substring(0, colon), number("--driver", driver.substring(colon + 1)),
        host, port, cores, local, ExecutorBackend.Config.DEFAULT_HEARTBEAT_MILLIS,
        ExecutorBackend.Config.DEFAULT_MAX_BYTES_IN_FLIGHT, secret == null || secret.isEmpty() ? null : secret);
  }

  private static int number(String option, String v) {
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw usage(option + " needs a number: " + v);
    }
  }

  private static EmberException usage(String problem) {
    return new EmberException(EmberException.SYNTAX_ERROR, problem + "\nusage: " + USAGE);
  }
}
