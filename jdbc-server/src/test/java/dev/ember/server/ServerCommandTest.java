package dev.ember.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arguments of {@code ember server} and its start-up failures. */
class ServerCommandTest {
  @Test void parsesEveryOption() {
    ServerConfig c = ServerCommand.parse(List.of("--host", "0.0.0.0", "--port=6543", "--master", "local[2]",
        "--conf", "ember.sql.shuffle.partitions=3", "--auth", "password", "--users", "u.txt",
        "--tls-cert", "c.pem", "--tls-key", "k.pem"));
    assertEquals("0.0.0.0", c.host());
    assertEquals(6543, c.port());
    assertEquals("local[2]", c.master());
    assertEquals(Map.of("ember.sql.shuffle.partitions", "3"), c.conf());
    assertTrue(c.passwordAuth());
    assertEquals(Path.of("u.txt"), c.usersFile());
    assertEquals(Path.of("k.pem"), c.tlsKey());
    assertNull(ServerCommand.parse(List.of("--help")));
    assertEquals(ServerConfig.DEFAULT_PORT, ServerCommand.parse(List.of()).port());
  }

  @Test void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> ServerCommand.parse(List.of("--port", "x")));
    assertThrows(IllegalArgumentException.class, () -> ServerCommand.parse(List.of("--auth", "password")));
    assertThrows(IllegalArgumentException.class, () -> ServerCommand.parse(List.of("--tls-cert", "c.pem")));
    assertThrows(IllegalArgumentException.class, () -> ServerCommand.parse(List.of("--bogus", "1")));
  }

  @Test void aPortInUseIsAnErrorNotACrash() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = new ServerCommand().run(List.of("--port", Integer.toString(taken.getLocalPort())),
          new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(1, status);
      assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot start"), err.toString(StandardCharsets.UTF_8));
    }
  }
}
