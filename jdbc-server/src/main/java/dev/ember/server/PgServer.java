package dev.ember.server;

import dev.ember.server.catalog.PgCatalogAnswerer;
import dev.ember.server.pgwire.FrontendDecoder;
import dev.ember.server.pgwire.PgConnection;
import dev.ember.server.pgwire.Scram;
import dev.ember.server.pgwire.ServerContext;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * Ember's PostgreSQL wire-protocol (v3) server on Netty: psql, pgJDBC and BI tools connect to it
 * as to a PostgreSQL 14 server. Each connection gets its own {@link dev.ember.api.Session} on the
 * engine shared by the server's master.
 *
 * <pre>
 * try (PgServer server = PgServer.start(ServerConfig.defaults().withPort(0))) {
 *   int port = server.port(); // jdbc:postgresql://127.0.0.1:port/ember
 * }
 * </pre>
 */
public final class PgServer implements AutoCloseable {
  private final EventLoopGroup boss;
  private final EventLoopGroup io;
  private final Channel channel;
  private final ServerContext context;

  private PgServer(EventLoopGroup boss, EventLoopGroup io, Channel channel, ServerContext context) {
    this.boss = boss;
    this.io = io;
    this.channel = channel;
    this.context = context;
  }

  /** Binds the server's address and starts accepting connections. */
  public static PgServer start(ServerConfig config) {
    ServerContext context = new ServerContext(config.master(), config.conf(), scram(config), ssl(config),
        new PgCatalogAnswerer());
    EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("ember-pg-accept", true));
    EventLoopGroup io = new NioEventLoopGroup(0, new DefaultThreadFactory("ember-pg-io", true));
    try {
      Channel ch = new ServerBootstrap().group(boss, io).channel(NioServerSocketChannel.class)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast("decoder", new FrontendDecoder()).addLast("connection", new PgConnection(context));
            }
          })
          .bind(new InetSocketAddress(config.host(), config.port())).syncUninterruptibly().channel();
      return new PgServer(boss, io, ch, context);
    } catch (RuntimeException e) {
      boss.shutdownGracefully();
      io.shutdownGracefully();
      throw e;
    }
  }

  private static Scram scram(ServerConfig config) {
    if (!config.passwordAuth()) return null;
    try {
      return Scram.fromFile(config.usersFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read users file " + config.usersFile() + ": " + e.getMessage(), e);
    }
  }

  private static SslContext ssl(ServerConfig config) {
    if (config.tlsCert() == null) return null;
    try {
      return SslContextBuilder.forServer(config.tlsCert().toFile(), config.tlsKey().toFile()).build();
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot load TLS certificate/key: " + e.getMessage(), e);
    }
  }

  /** The port the server listens on (useful after binding port 0). */
  public int port() { return ((InetSocketAddress) channel.localAddress()).getPort(); }

  /** How many client connections are open. */
  public int openConnections() { return context.openConnections(); }

  /** Waits until the server is closed. */
  public void awaitClose() throws InterruptedException { channel.closeFuture().sync(); }

  /** Stops accepting, closes every connection (cancelling their queries) and frees the threads. */
  @Override public void close() {
    channel.close().syncUninterruptibly();
    io.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  static Path path(String s) { return s == null ? null : Path.of(s); }
}
