package dev.ember.execution.cluster.rpc;

import dev.ember.execution.cluster.WireFormat;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.MessageToByteEncoder;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Netty transport for the driver and executors: length-prefixed frames, each one
 * {@link WireFormat} envelope. One endpoint per process side (driver, executor) owns its I/O
 * threads; it can listen (driver: executors register; executor: block server) and connect.
 *
 * <p>With a secret, every connection starts with a {@link Handshake}: a connector that cannot
 * prove it knows the secret is refused (and the refusal logged) before any of its messages
 * reaches the handler, and {@link #connect} fails with an {@link AuthenticationException} when
 * the peer refuses this side or cannot prove it knows the secret itself.
 */
public final class RpcEndpoint implements AutoCloseable {
  /** Frames above this are refused (a shuffle block is sent whole: keep partitions below it). */
  private static final int MAX_FRAME = Integer.MAX_VALUE - 8;
  /** How long {@link #connect} waits for the handshake once the connection is open. */
  private static final long HANDSHAKE_TIMEOUT_SECONDS = 20;
  private static final System.Logger LOG = System.getLogger(RpcEndpoint.class.getName());

  /**
   * A channel's connection, kept as an attribute: a peer that refuses the handshake may close the
   * channel — and Netty empty its pipeline — before {@link #connect} looks for it there.
   */
  private static final AttributeKey<RpcConnection> CONNECTION = AttributeKey.valueOf("ember.rpc.connection");

  private final EventLoopGroup group;
  private final Handshake handshake;

  /** An endpoint that does not authenticate. */
  public RpcEndpoint(String name) { this(name, null); }

  /** @param secret the shared secret every peer must prove it knows ({@code ember.authenticate.secret}); null for none */
  public RpcEndpoint(String name, String secret) {
    this.group = new NioEventLoopGroup(2, new DefaultThreadFactory("ember-rpc-" + name, true));
    this.handshake = new Handshake(secret);
  }

  /** Listens on {@code host:port} (port 0: any free port); returns the bound port. */
  public int listen(String host, int port, RpcHandler handler) {
    ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(initializer(handler, true));
    Channel server = b.bind(host, port).syncUninterruptibly().channel();
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Connects to {@code host:port}; throws {@link java.io.UncheckedIOException} if nothing listens there. */
  public RpcConnection connect(String host, int port, RpcHandler handler) {
    Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
        .handler(initializer(handler, false));
    io.netty.channel.ChannelFuture f = b.connect(host, port).awaitUninterruptibly();
    if (!f.isSuccess()) {
      // Netty rethrows the checked ConnectException unchecked: callers see it as an UncheckedIOException.
      throw new java.io.UncheckedIOException(new java.io.IOException("cannot connect to " + host + ":" + port, f.cause()));
    }
    RpcConnection connection = f.channel().attr(CONNECTION).get();
    try {
      connection.ready.get(HANDSHAKE_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
      return connection;
    } catch (java.util.concurrent.ExecutionException e) {
      connection.close();
      if (e.getCause() instanceof AuthenticationException a) throw new AuthenticationException(a.getMessage());
      throw new java.io.UncheckedIOException(new java.io.IOException("cannot connect to " + host + ":" + port, e.getCause()));
    } catch (java.util.concurrent.TimeoutException e) {
      connection.close();
      throw new java.io.UncheckedIOException(new java.io.IOException("no handshake from " + host + ":" + port
          + " within " + HANDSHAKE_TIMEOUT_SECONDS + " s (not an Ember endpoint?)"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      connection.close();
      throw new java.io.UncheckedIOException(new java.io.IOException("interrupted while connecting to " + host + ":" + port));
    }
  }

  @Override public void close() { group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS); }

  private ChannelInitializer<SocketChannel> initializer(RpcHandler handler, boolean listener) {
    return new ChannelInitializer<>() {
      @Override protected void initChannel(SocketChannel ch) {
        RpcConnection connection = new RpcConnection(ch);
        ch.attr(CONNECTION).set(connection);
        ch.pipeline()
            .addLast(new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 4))
            .addLast(new LengthFieldPrepender(4))
            .addLast(new Encoder())
            .addLast(new Decoder())
            .addLast(new Dispatcher(connection, handler, handshake, listener));
      }
    };
  }

  private static final class Encoder extends MessageToByteEncoder<Serializable> {
    @Override protected void encode(ChannelHandlerContext ctx, Serializable msg, ByteBuf out) {
      out.writeBytes(WireFormat.encode(msg));
    }
  }

  private static final class Decoder extends MessageToMessageDecoder<ByteBuf> {
    @Override protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
      byte[] bytes = new byte[in.readableBytes()];
      in.readBytes(bytes);
      out.add(WireFormat.decode(bytes));
    }
  }

  /** Routes a connection's frames: the handshake first, then replies, requests and messages. */
  private static final class Dispatcher extends SimpleChannelInboundHandler<Object> {
    final RpcConnection connection;
    private final RpcHandler handler;
    private final Handshake handshake;
    private final boolean listener;
    private byte[] listenerNonce;
    private byte[] connectorNonce;
    private boolean authenticated;

    Dispatcher(RpcConnection connection, RpcHandler handler, Handshake handshake, boolean listener) {
      this.connection = connection;
      this.handler = handler;
      this.handshake = handshake;
      this.listener = listener;
    }

    @Override public void channelActive(ChannelHandlerContext ctx) throws Exception {
      if (listener) {
        listenerNonce = handshake.enabled() ? Handshake.nonce() : null;
        authenticated = !handshake.enabled();
        ctx.writeAndFlush(new Handshake.Challenge(listenerNonce));
      }
      super.channelActive(ctx);
    }

    @Override protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
      if (!authenticated) {
        if (listener) listen(ctx, msg);
        else connect(ctx, msg);
        return;
      }
      if (msg instanceof RpcConnection.Reply r) {
        connection.answered(r);
      } else if (msg instanceof RpcConnection.Ask a) {
        RpcConnection.Reply reply;
        try {
          reply = new RpcConnection.Reply(a.id(), handler.onAsk(connection, a.body()), null);
        } catch (RuntimeException e) {
          reply = new RpcConnection.Reply(a.id(), null, String.valueOf(e.getMessage()));
        }
        ctx.writeAndFlush(reply);
      } else {
        handler.onMessage(connection, msg);
      }
    }

    /** The listener's side of the handshake: the connector's proof, or a refusal. */
    private void listen(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof Handshake.Proof p && handshake.checkProof(listenerNonce, p)) {
        authenticated = true;
        ctx.writeAndFlush(handshake.welcome(listenerNonce, p.nonce()));
        return;
      }
      String why = !(msg instanceof Handshake.Proof p) ? "it sent " + msg.getClass().getSimpleName() + " before authenticating"
          : p.mac() == null ? "it has no authentication secret" : "wrong authentication secret";
      LOG.log(System.Logger.Level.WARNING, "refused a connection from " + connection.remote() + ": " + why
          + " (ember.authenticate.secret differs)");
      ctx.writeAndFlush(new Handshake.Refused(why)).addListener(io.netty.channel.ChannelFutureListener.CLOSE);
    }

    /** The connector's side of the handshake: answer the challenge, check the welcome. */
    private void connect(ChannelHandlerContext ctx, Object msg) {
      String peer = connection.remote();
      if (msg instanceof Handshake.Challenge c) {
        if (c.nonce() == null && !handshake.enabled()) {
          authenticated = true;
          connection.ready.complete(null);
        } else if (c.nonce() == null) {
          refuse(ctx, peer + " does not authenticate, but this side has a secret (ember.authenticate)");
        } else if (!handshake.enabled()) {
          ctx.writeAndFlush(new Handshake.Proof(null, null));
          refuse(ctx, peer + " requires authentication and this side has no secret (ember.authenticate.secret)");
        } else {
          listenerNonce = c.nonce();
          Handshake.Proof proof = handshake.prove(listenerNonce);
          connectorNonce = proof.nonce();
          ctx.writeAndFlush(proof);
        }
      } else if (msg instanceof Handshake.Welcome w && listenerNonce != null
          && handshake.checkWelcome(listenerNonce, connectorNonce, w)) {
        authenticated = true;
        connection.ready.complete(null);
      } else if (msg instanceof Handshake.Refused r) {
        refuse(ctx, peer + " refused this connection: " + r.reason());
      } else {
        refuse(ctx, peer + " did not prove it knows the authentication secret");
      }
    }

    private void refuse(ChannelHandlerContext ctx, String why) {
      connection.ready.completeExceptionally(new AuthenticationException(why));
      ctx.close();
    }

    @Override public void channelInactive(ChannelHandlerContext ctx) {
      connection.ready.completeExceptionally(new java.io.IOException("connection closed during the handshake"));
      connection.closed();
      handler.onClosed(connection);
    }

    @Override public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close(); // a broken peer or frame: drop the connection; the other side notices the close
    }
  }
}
