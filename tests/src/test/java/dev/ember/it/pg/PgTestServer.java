package dev.ember.it.pg;

import dev.ember.server.PgServer;
import dev.ember.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/** A wire-protocol server on a free loopback port, with its own empty persistent catalog. */
final class PgTestServer implements AutoCloseable {
  final PgServer server;
  final Path catalogDir;

  private PgTestServer(ServerConfig config, Path catalogDir) {
    this.catalogDir = catalogDir;
    this.server = PgServer.start(config);
  }

  static PgTestServer start() { return start(c -> c); }

  static PgTestServer start(java.util.function.UnaryOperator<ServerConfig> customize) {
    try {
      Path dir = Files.createTempDirectory("ember-pg-catalog");
      ServerConfig c = ServerConfig.defaults().withPort(0).withMaster("local[2]")
          .withConf(Map.of("ember.catalog.dir", dir.toString()));
      return new PgTestServer(customize.apply(c), dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() { return server.port(); }

  String url() { return "jdbc:postgresql://127.0.0.1:" + port() + "/ember"; }

  Connection connect() throws SQLException { return connect(new Properties()); }

  Connection connect(Properties extra) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "tester");
    p.setProperty("sslmode", "disable");
    p.putAll(extra);
    return DriverManager.getConnection(url(), p);
  }

  @Override public void close() { server.close(); }
}
