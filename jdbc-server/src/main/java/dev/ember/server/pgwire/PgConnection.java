package dev.ember.server.pgwire;

import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection. The Netty event loop only decodes; every message runs, in order, on the
 * connection's own worker thread, which owns the protocol state (session, statements, portals),
 * so a long query never blocks other connections' I/O. Results are written as they are pulled
 * from the engine and the worker waits while the channel is not writable (back-pressure), so
 * neither side buffers a whole result. A CancelRequest or a dropped connection interrupts the
 * worker while it waits for rows; closing the result then stops the query and frees its memory.
 */
public final class PgConnection extends ChannelInboundHandlerAdapter {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ServerContext server;
  private final ExecutorService worker;
  private Channel channel;
  private ProtocolState state;
  private int pid;
  private int secret;

  // Cancellation: the worker is interruptible only while it waits for rows or for the socket.
  private final Object cancelLock = new Object();
  private volatile Session session;
  private Thread waiting;
  private volatile boolean cancelRequested;
  private final Object writability = new Object();

  public PgConnection(ServerContext server) {
    this.server = server;
    this.worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "ember-pg-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  int secret() { return secret; }

  @Override public void channelActive(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    ctx.fireChannelActive();
  }

  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof Frontend.SslRequest) {
      sslRequest(ctx);
    } else if (msg instanceof Frontend.GssEncRequest) {
      ctx.writeAndFlush(ctx.alloc().buffer(1).writeByte('N'));
    } else if (msg instanceof Frontend.CancelRequest c) {
      server.cancel(c.processId(), c.secretKey());
      ctx.close();
    } else {
      submit(() -> handle(msg));
    }
  }

  private void sslRequest(ChannelHandlerContext ctx) {
    if (server.ssl() == null || ctx.pipeline().get(SslHandler.class) != null) {
      ctx.writeAndFlush(ctx.alloc().buffer(1).writeByte('N'));
      return;
    }
    // Answer 'S' in clear, then everything after it (the TLS handshake) goes through TLS.
    ctx.writeAndFlush(ctx.alloc().buffer(1).writeByte('S')).addListener(f ->
        ctx.pipeline().addFirst("tls", server.ssl().newHandler(ctx.alloc())));
  }

  @Override public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    synchronized (writability) {
      writability.notifyAll();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override public void channelInactive(ChannelHandlerContext ctx) {
    cancel();
    submit(this::shutdown);
    worker.shutdown();
    synchronized (writability) {
      writability.notifyAll();
    }
  }

  @Override public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close(); // a reset connection or a TLS failure: nothing to report to a client that is gone
  }

  private void submit(Runnable r) {
    try {
      worker.execute(r);
    } catch (RejectedExecutionException e) {
      // the connection is closing
    }
  }

  /**
   * Cancels the running query, if any (from CancelRequest or a dropped connection): the engine
   * stops the query's tasks at once, and the worker, interrupted while it waits for rows, closes
   * the result, which frees the query's memory.
   */
  void cancel() {
    synchronized (cancelLock) {
      cancelRequested = true;
      if (waiting != null) {
        Session s = session;
        if (s != null) s.cancel();
        waiting.interrupt();
      }
    }
  }

  // ---- on the worker thread ------------------------------------------------------------------

  private void handle(Object msg) {
    if (!channel.isActive() && state == null) return;
    try {
      if (msg instanceof PgError e) {
        fatal(e);
      } else if (msg instanceof Frontend.Startup s) {
        startup(s);
      } else if (state == null) {
        fatal(PgError.fatal(PgError.PROTOCOL_VIOLATION, "expected a startup message"));
      } else {
        state.handle((Frontend) msg);
      }
    } catch (RuntimeException | Error e) {
      fatal(e instanceof PgError p && p.isFatal() ? p
          : PgError.fatal(EmberException.INTERNAL_ERROR, "internal error: " + e));
    }
  }

  private void startup(Frontend.Startup s) {
    if (state != null) throw PgError.fatal(PgError.PROTOCOL_VIOLATION, "duplicate startup message");
    String user = s.parameters().getOrDefault("user", "");
    if (user.isEmpty()) throw PgError.fatal(PgError.INVALID_AUTH, "no PostgreSQL user name specified in startup packet");
    String database = s.parameters().getOrDefault("database", user);
    if (server.scram() == null && !loopback()) {
      throw PgError.fatal(PgError.INVALID_AUTH, "trust authentication is only for loopback clients; "
          + "start the server with --auth password to accept others");
    }
    state = new ProtocolState(this, server, user, database, s.parameters());
    pid = server.register(this);
    secret = server.secret();
    state.start(pid, secret);
  }

  private boolean loopback() {
    return channel.remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
        && a.getAddress().isLoopbackAddress();
  }

  /** Sends a FATAL error and closes the connection. */
  void fatal(PgError e) {
    if (!channel.isActive()) return;
    ByteBuf out = channel.alloc().buffer();
    Backend.error(out, e.isFatal() ? e : PgError.fatal(e.sqlState(), e.getMessage()));
    channel.writeAndFlush(out).addListener(f -> channel.close());
  }

  private void shutdown() {
    if (state != null) state.close();
    if (pid != 0) server.unregister(pid);
  }

  Channel channel() { return channel; }

  /** Session creation for the state, with this server's master and settings. */
  Session openSession() {
    Session.Builder b = Session.builder().master(server.master());
    Map<String, String> conf = new HashMap<>(server.conf());
    conf.forEach(b::config);
    session = b.getOrCreate();
    return session;
  }

  /** Marks the start of a statement: an earlier cancel does not apply to it. */
  void beginStatement() {
    synchronized (cancelLock) {
      cancelRequested = false;
    }
  }

  boolean cancelRequested() { return cancelRequested || !channel.isActive(); }

  /** Runs {@code action} with the worker interruptible by a cancel; clears the interrupt after. */
  <T> T interruptibly(java.util.function.Supplier<T> action) {
    if (waiting == Thread.currentThread()) return action.get(); // already inside
    synchronized (cancelLock) {
      if (cancelRequested) throw canceled();
      waiting = Thread.currentThread();
    }
    try {
      return action.get();
    } finally {
      synchronized (cancelLock) {
        waiting = null;
        Thread.interrupted();
      }
    }
  }

  static PgError canceled() { return new PgError(EmberException.QUERY_CANCELED, "canceling statement due to user request"); }

  /** Writes and flushes {@code out}; waits while the channel cannot take more (back-pressure). */
  void send(ByteBuf out) {
    channel.writeAndFlush(out);
    if (channel.isWritable()) return;
    interruptibly(() -> {
      synchronized (writability) {
        while (!channel.isWritable() && channel.isActive() && !cancelRequested) {
          try {
            writability.wait(100);
          } catch (InterruptedException e) {
            throw canceled();
          }
        }
      }
      return null;
    });
  }
}
