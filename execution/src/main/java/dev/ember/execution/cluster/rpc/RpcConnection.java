package dev.ember.execution.cluster.rpc;

import io.netty.channel.Channel;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open connection between two endpoints: one-way messages ({@link #send}) and requests with
 * an answer ({@link #ask}). Thread-safe.
 */
public final class RpcConnection {
  /** A request; the peer answers with a {@link Reply} of the same id. */
  record Ask(long id, Serializable body) implements Serializable {}

  /** An answer: a body, or the error text when the peer could not answer. */
  record Reply(long id, Serializable body, String error) implements Serializable {}

  private final Channel channel;
  /** Completes when the handshake succeeded (at once without authentication), fails when it did not. */
  final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();

  RpcConnection(Channel channel) { this.channel = channel; }

  /** Sends {@code message}; the future fails if it could not be encoded or written (the connection closed). */
  public CompletableFuture<Void> send(Serializable message) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    channel.writeAndFlush(message).addListener(f -> {
      if (f.isSuccess()) sent.complete(null);
      else sent.completeExceptionally(f.cause());
    });
    return sent;
  }

  /** Sends {@code request}; the future completes with the answer, or fails if the connection closes first. */
  public CompletableFuture<Object> ask(Serializable request) {
    long id = ids.incrementAndGet();
    CompletableFuture<Object> answer = new CompletableFuture<>();
    pending.put(id, answer);
    channel.writeAndFlush(new Ask(id, request)).addListener(f -> {
      if (!f.isSuccess()) fail(id, new java.io.IOException("cannot send to " + remote(), f.cause()));
    });
    if (!channel.isActive()) fail(id, new java.io.IOException("connection to " + remote() + " is closed"));
    return answer;
  }

  public boolean isOpen() { return channel.isActive(); }

  public String remote() { return String.valueOf(channel.remoteAddress()); }

  public void close() { channel.close(); }

  void answered(Reply r) {
    CompletableFuture<Object> f = pending.remove(r.id());
    if (f == null) return;
    if (r.error() != null) f.completeExceptionally(new java.io.IOException(r.error()));
    else f.complete(r.body());
  }

  void closed() {
    for (Long id : pending.keySet()) fail(id, new java.io.IOException("connection to " + remote() + " closed"));
  }

  private void fail(long id, Throwable t) {
    CompletableFuture<Object> f = pending.remove(id);
    if (f != null) f.completeExceptionally(t);
  }
}
