package dev.ember.it.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.execution.memory.MemoryManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SCRAM-SHA-256 passwords, TLS, and a client that drops mid-query. */
class PgAuthTlsTest {
  @TempDir Path dir;

  @Test void scramPasswordsFromAUsersFile() throws Exception {
    Path users = dir.resolve("users");
    Files.writeString(users, "# ember users\nalice:s3cret\nbob:other\n");
    try (PgTestServer server = PgTestServer.start(c -> c.withPasswordAuth(users))) {
      Properties p = new Properties();
      p.setProperty("user", "alice");
      p.setProperty("password", "s3cret");
      try (Connection c = server.connect(p); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 7 * 6")) {
        assertTrue(rs.next());
        assertEquals(42, rs.getInt(1));
      }
      p.setProperty("password", "wrong");
      SQLException e = assertThrows(SQLException.class, () -> server.connect(p).close());
      assertEquals("28P01", e.getSQLState());
      p.setProperty("user", "mallory");
      assertEquals("28P01", assertThrows(SQLException.class, () -> server.connect(p).close()).getSQLState());
    }
  }

  @Test void tlsWhenConfiguredAndNWhenNot() throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
        "-out", cert.toString(), "-days", "1", "-subj", "/CN=localhost").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Assumptions.assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl could not make a certificate");
    Properties require = new Properties();
    require.setProperty("sslmode", "require");
    try (PgTestServer server = PgTestServer.start(c -> c.withTls(cert, key));
         Connection c = server.connect(require); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT n_name FROM tpch.tiny.nation WHERE n_nationkey = 0")) {
      assertTrue(rs.next());
      assertEquals("ALGERIA", rs.getString(1));
    }
    try (PgTestServer plain = PgTestServer.start()) {
      assertThrows(SQLException.class, () -> plain.connect(require).close()); // the server said 'N'
      Properties prefer = new Properties();
      prefer.setProperty("sslmode", "prefer");
      try (Connection c = plain.connect(prefer)) {
        assertTrue(c.isValid(5));
      }
    }
  }

  @Test void aDroppedConnectionCancelsItsQueryAndFreesItsMemory() throws Exception {
    try (PgTestServer server = PgTestServer.start()) {
      long before = MemoryManager.allocatedBytes();
      Connection c = server.connect();
      Statement s = c.createStatement();
      CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
        try (ResultSet rs = s.executeQuery("SELECT l_orderkey, count(*) FROM tpch.sf10.lineitem GROUP BY l_orderkey")) {
          while (rs.next()) { }
        } catch (SQLException e) {
          // the connection was aborted under it
        }
      });
      Thread.sleep(2000);
      assertTrue(MemoryManager.allocatedBytes() > before, "the query should hold memory while it runs");
      c.abort(Runnable::run); // closes the socket without a Terminate
      running.get(30, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while ((MemoryManager.allocatedBytes() > before || server.server.openConnections() > 0) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(before, MemoryManager.allocatedBytes(), "memory still held after the client dropped");
      assertEquals(0, server.server.openConnections());
    }
  }
}
