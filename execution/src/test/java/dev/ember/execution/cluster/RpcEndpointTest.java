package dev.ember.execution.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.execution.cluster.rpc.RpcConnection;
import dev.ember.execution.cluster.rpc.RpcEndpoint;
import dev.ember.execution.cluster.rpc.RpcHandler;
import java.io.Serializable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The transport: one-way messages, requests with answers (and errors), and noticing a peer that went away. */
class RpcEndpointTest {
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
