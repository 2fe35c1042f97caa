package dev.ember.execution.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.execution.cluster.rpc.AuthenticationException;
import dev.ember.execution.cluster.rpc.RpcConnection;
import dev.ember.execution.cluster.rpc.RpcEndpoint;
import dev.ember.execution.cluster.rpc.RpcHandler;
import java.io.Serializable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The transport: one-way messages, requests with answers (and errors), noticing a peer that went
 * away, and the shared-secret handshake that refuses peers without the secret.
 */
class RpcEndpointTest {
  private static final RpcHandler ECHO = new RpcHandler() {
    @Override public void onMessage(RpcConnection from, Object message) {}

    @Override public Serializable onAsk(RpcConnection from, Object request) { return "echo " + request; }
  };

  @Test void peersWithTheSameSecretTalk() throws Exception {
    try (RpcEndpoint server = new RpcEndpoint("test-server", "s3cret"); RpcEndpoint client = new RpcEndpoint("test-client", "s3cret")) {
      int port = server.listen("127.0.0.1", 0, ECHO);
      assertEquals("echo hi", client.connect("127.0.0.1", port, ECHO).ask("hi").get(10, TimeUnit.SECONDS));
    }
  }

  @Test void aWrongSecretIsRefused() {
    try (RpcEndpoint server = new RpcEndpoint("test-server", "s3cret"); RpcEndpoint client = new RpcEndpoint("test-client", "guess")) {
      int port = server.listen("127.0.0.1", 0, ECHO);
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.connect("127.0.0.1", port, ECHO));
      assertTrue(e.getMessage().contains("refused this connection: wrong authentication secret"), e.getMessage());
    }
  }

  @Test void aPeerWithoutTheSecretIsRefused() {
    try (RpcEndpoint server = new RpcEndpoint("test-server", "s3cret"); RpcEndpoint client = new RpcEndpoint("test-client")) {
      int port = server.listen("127.0.0.1", 0, ECHO);
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.connect("127.0.0.1", port, ECHO));
      assertTrue(e.getMessage().contains("requires authentication"), e.getMessage());
    }
  }

  /** A side with a secret does not talk to a listener that cannot prove it knows it. */
  @Test void aListenerWithoutTheSecretIsNotTrusted() {
    try (RpcEndpoint server = new RpcEndpoint("test-server"); RpcEndpoint client = new RpcEndpoint("test-client", "s3cret")) {
      int port = server.listen("127.0.0.1", 0, ECHO);
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.connect("127.0.0.1", port, ECHO));
      assertTrue(e.getMessage().contains("does not authenticate"), e.getMessage());
    }
  }

  @Test void messagesAnswersAndClose() throws Exception {
    CompletableFuture<Object> received = new CompletableFuture<>();
    CountDownLatch serverSawClose = new CountDownLatch(1);
    try (RpcEndpoint server = new RpcEndpoint("test-server"); RpcEndpoint client = new RpcEndpoint("test-client")) {
      int port = server.listen("127.0.0.1", 0, new RpcHandler() {
        @Override public void onMessage(RpcConnection from, Object message) { received.complete(message); }

        @Override public Serializable onAsk(RpcConnection from, Object request) {
          if (request.equals("boom")) throw new IllegalArgumentException("no such block");
          return "echo " + request;
        }

        @Override public void onClosed(RpcConnection connection) { serverSawClose.countDown(); }
      });
      RpcConnection c = client.connect("127.0.0.1", port, (from, message) -> {});
      c.send(new Messages.Heartbeat("e1"));
      assertEquals(new Messages.Heartbeat("e1"), received.get(10, TimeUnit.SECONDS));
      assertEquals("echo hi", c.ask("hi").get(10, TimeUnit.SECONDS));
      ExecutionException e = assertThrows(ExecutionException.class, () -> c.ask("boom").get(10, TimeUnit.SECONDS));
      assertTrue(e.getCause().getMessage().contains("no such block"), e.getCause().getMessage());
      c.close();
      assertTrue(serverSawClose.await(10, TimeUnit.SECONDS), "the server did not notice the closed connection");
    }
  }
}
