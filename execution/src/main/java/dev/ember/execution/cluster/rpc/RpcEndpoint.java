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
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Netty transport for the driver and executors: length-prefixed frames, each one
 * {@link WireFormat} envelope. One endpoint per process side (driver, executor) owns its I/O
 * threads; it can listen (driver: executors register; executor: block server) and connect.
 */
public final class RpcEndpoint implements AutoCloseable {
  /** Frames above this are refused (a shuffle block is sent whole: keep partitions below it). */
  private static final int MAX_FRAME = Integer.MAX_VALUE - 8;

  private final EventLoopGroup group;

  public RpcEndpoint(String name) {
    this.group = new NioEventLoopGroup(2, new DefaultThreadFactory("ember-rpc-" + name, true));
  }

  /** Listens on {@code host:port} (port 0: any free port); returns the bound port. */
  public int listen(String host, int port, RpcHandler handler) {
    ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(initializer(handler));
    Channel server = b.bind(host, port).syncUninterruptibly().channel();
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Connects to {@code host:port}; fails if nothing listens there. */
  public RpcConnection connect(String host, int port, RpcHandler handler) {
    Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
        .handler(initializer(handler));
    Channel ch = b.connect(host, port).syncUninterruptibly().channel();
    return ch.pipeline().get(Dispatcher.class).connection;
  }

  @Override public void close() { group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS); }

  private static ChannelInitializer<SocketChannel> initializer(RpcHandler handler) {
    return new ChannelInitializer<>() {
      @Override protected void initChannel(SocketChannel ch) {
        ch.pipeline()
            .addLast(new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 4))
            .addLast(new LengthFieldPrepender(4))
            .addLast(new Encoder())
            .addLast(new Decoder())
            .addLast(new Dispatcher(new RpcConnection(ch), handler));
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

  private static final class Dispatcher extends SimpleChannelInboundHandler<Object> {
    final RpcConnection connection;
    private final RpcHandler handler;

    Dispatcher(RpcConnection connection, RpcHandler handler) {
      this.connection = connection;
      this.handler = handler;
    }

    @Override protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
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

    @Override public void channelInactive(ChannelHandlerContext ctx) {
      connection.closed();
      handler.onClosed(connection);
    }

    @Override public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close(); // a broken peer or frame: drop the connection; the other side notices the close
    }
  }
}
