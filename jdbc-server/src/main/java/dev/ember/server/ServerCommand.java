package dev.ember.server;

import dev.ember.cli.Command;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ember server [--host H] [--port P] [--master URL] [--conf k=v]… [--auth trust|password
 * --users FILE] [--tls-cert F --tls-key F]}: runs the PostgreSQL wire-protocol server until the
 * process is stopped.
 */
public final class ServerCommand implements Command {
  public static final String USAGE = """
      Usage: ember server [options]     serve the PostgreSQL wire protocol (psql, pgJDBC, BI tools)

      Options:
        --host HOST           address to listen on (default 127.0.0.1)
        --port PORT           TCP port (default 5433; 0 picks a free one)
        --master URL          where queries run (default local[*])
        --conf key=value      a session setting for every connection (repeatable)
        --auth trust|password trust (default; loopback clients only) or SCRAM-SHA-256 passwords
        --users FILE          user:password lines (or PostgreSQL SCRAM-SHA-256 verifiers) for --auth password
        --tls-cert FILE       PEM certificate chain: enables TLS (SSLRequest)
        --tls-key FILE        PEM PKCS#8 private key of --tls-cert
      """;

  @Override public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    ServerConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("ember server: " + e.getMessage());
      err.println();
      err.print(USAGE);
      return 2;
    }
    if (config == null) {
      out.print(USAGE);
      return 0;
    }
    PgServer server;
    try {
      server = PgServer.start(config);
    } catch (RuntimeException e) {
      err.println("ember server: cannot start: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ember-pg-shutdown"));
    out.println("Ember server (PostgreSQL protocol 3, reports version 14) listening on " + config.host() + ":"
        + server.port() + (config.passwordAuth() ? ", SCRAM-SHA-256 passwords" : ", trust (loopback only)")
        + (config.tlsCert() != null ? ", TLS available" : ""));
    out.flush();
    try {
      server.awaitClose();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** The configuration from the arguments; null when help was asked for. */
  static ServerConfig parse(List<String> args) {
    String host = "127.0.0.1";
    int port = ServerConfig.DEFAULT_PORT;
    String master = "local[*]";
    Map<String, String> conf = new LinkedHashMap<>();
    boolean password = false;
    Path users = null;
    Path cert = null;
    Path key = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 2) {
        value = a.substring(eq + 1);
        a = a.substring(0, eq);
      }
      if (a.equals("-h") || a.equals("--help")) return null;
      if (value == null) {
        if (i + 1 >= args.size()) throw new IllegalArgumentException(a + " needs a value");
        value = args.get(++i);
      }
      switch (a) {
        case "--host" -> host = value;
        case "--port" -> {
          try {
            port = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number, got '" + value + "'");
          }
          if (port < 0 || port > 65535) throw new IllegalArgumentException("--port out of range: " + port);
        }
        case "--master" -> master = value;
        case "--conf" -> {
          int at = value.indexOf('=');
          if (at <= 0) throw new IllegalArgumentException("--conf needs key=value, got '" + value + "'");
          conf.put(value.substring(0, at).trim(), value.substring(at + 1).trim());
        }
        case "--auth" -> {
          if (!value.equals("trust") && !value.equals("password")) {
            throw new IllegalArgumentException("--auth is trust or password, got '" + value + "'");
          }
          password = value.equals("password");
        }
        case "--users" -> users = Path.of(value);
        case "--tls-cert" -> cert = Path.of(value);
        case "--tls-key" -> key = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option '" + a + "'");
      }
    }
    return new ServerConfig(host, port, master, conf, password, users, cert, key);
  }
}
