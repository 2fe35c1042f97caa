package dev.ember.it.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Random and truncated protocol messages (seeded, a bounded number of connections) never crash
 * the server and never disturb another connection that runs queries meanwhile.
 */
class PgFuzzTest {
  private static final long SEED = 20261122L;
  private static final int CONNECTIONS = 300;

  @Test void garbageNeverCrashesTheServerOrDisturbsOthers() throws Exception {
    try (PgTestServer server = PgTestServer.start(); Connection victim = server.connect()) {
      long expected;
      try (Statement s = victim.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT count(*) FROM tpch.tiny.orders WHERE o_orderstatus = 'F'")) {
        rs.next();
        expected = rs.getLong(1);
      }
      AtomicBoolean fuzzing = new AtomicBoolean(true);
      AtomicInteger victimQueries = new AtomicInteger();
      CompletableFuture<Void> victimLoop = CompletableFuture.runAsync(() -> {
        try (Statement s = victim.createStatement()) {
          while (fuzzing.get()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM tpch.tiny.orders WHERE o_orderstatus = 'F'")) {
              rs.next();
              assertEquals(expected, rs.getLong(1));
              victimQueries.incrementAndGet();
            }
          }
        } catch (Exception e) {
          throw new AssertionError("the victim connection was disturbed", e);
        }
      });
      Random random = new Random(SEED);
      for (int i = 0; i < CONNECTIONS; i++) fuzzOne(server.port(), random, i);
      fuzzing.set(false);
      victimLoop.get(60, TimeUnit.SECONDS);
      assertTrue(victimQueries.get() > 0);
      // the server still accepts and serves new connections, and let go of the fuzzed ones
      try (Connection fresh = server.connect(); Statement s = fresh.createStatement();
           ResultSet rs = s.executeQuery("SELECT count(*) FROM tpch.tiny.orders WHERE o_orderstatus = 'F'")) {
        rs.next();
        assertEquals(expected, rs.getLong(1));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (server.server.openConnections() > 1 && System.nanoTime() < deadline) Thread.sleep(50);
      assertEquals(1, server.server.openConnections(), "connections left open");
    }
  }

  /** One connection: garbage from the start, or a valid start-up followed by damaged messages. */
  private static void fuzzOne(int port, Random random, int n) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(300);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      try {
        switch (n % 4) {
          case 0 -> out.write(randomBytes(random, 1 + random.nextInt(200)));
          case 1 -> {
            byte[] startup = startup();
            out.write(startup, 0, random.nextInt(startup.length)); // truncated start-up, then hang up
          }
          case 2 -> {
            out.write(startup());
            drain(in);
            for (int m = 0; m < 5; m++) out.write(damaged(random));
          }
          default -> {
            out.write(startup());
            drain(in);
            byte[] msg = valid(random);
            out.write(msg, 0, 1 + random.nextInt(msg.length - 1)); // truncated mid-message
          }
        }
        out.flush();
        drain(in);
      } catch (IOException e) {
        // the server hung up on us: expected for garbage
      }
    }
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buf = new byte[8192];
    try {
      while (in.read(buf) >= 0) { }
    } catch (SocketTimeoutException e) {
      // nothing more for now
    }
  }

  private static byte[] randomBytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  static byte[] startup() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(body);
    d.writeInt(196608);
    for (String s : List.of("user", "fuzz", "database", "ember")) {
      d.write(s.getBytes(StandardCharsets.UTF_8));
      d.write(0);
    }
    d.write(0);
    return framed(null, body.toByteArray());
  }

  private static byte[] framed(Character type, byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(out);
    if (type != null) d.write(type);
    d.writeInt(body.length + 4);
    d.write(body);
    return out.toByteArray();
  }

  /** A well-formed message of a random kind. */
  private static byte[] valid(Random r) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(body);
    char type = "QPBDEC".charAt(r.nextInt(6));
    switch (type) {
      case 'Q' -> cstring(d, "SELECT 1");
      case 'P' -> {
        cstring(d, "s" + r.nextInt(3));
        cstring(d, "SELECT $1");
        d.writeShort(1);
        d.writeInt(23);
      }
      case 'B' -> {
        cstring(d, "");
        cstring(d, "s" + r.nextInt(3));
        d.writeShort(0);
        d.writeShort(1);
        d.writeInt(4);
        d.writeInt(r.nextInt());
        d.writeShort(0);
      }
      case 'D', 'C' -> {
        d.write(r.nextBoolean() ? 'S' : 'P');
        cstring(d, "");
      }
      default -> {
        cstring(d, "");
        d.writeInt(r.nextInt(10));
      }
    }
    return framed(type, body.toByteArray());
  }

  /** A valid message with random bytes flipped, a random type, or a lying length word. */
  private static byte[] damaged(Random r) throws IOException {
    byte[] m = valid(r);
    switch (r.nextInt(4)) {
      case 0 -> {
        for (int i = 0; i < 1 + r.nextInt(4); i++) m[5 + r.nextInt(m.length - 5)] = (byte) r.nextInt(256);
      }
      case 1 -> m[0] = (byte) r.nextInt(256);
      case 2 -> {
        int len = r.nextInt();
        m[1] = (byte) (len >>> 24);
        m[2] = (byte) (len >>> 16);
        m[3] = (byte) (len >>> 8);
        m[4] = (byte) len;
      }
      default -> { }
    }
    return m;
  }

  private static void cstring(DataOutputStream d, String s) throws IOException {
    d.write(s.getBytes(StandardCharsets.UTF_8));
    d.write(0);
  }

}
