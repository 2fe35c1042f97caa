package dev.ember.server.pgwire;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the byte stream into {@link Frontend} messages. Until the start-up packet has been read,
 * messages have no type byte (SSLRequest, CancelRequest, StartupMessage); after it, each has a
 * type byte and a length. A length out of bounds, a body that does not parse or an unknown type
 * is a protocol violation: a {@link PgError} (FATAL) reaches the handler, which reports it and
 * closes this connection only.
 */
public final class FrontendDecoder extends ByteToMessageDecoder {
  static final int SSL_REQUEST = 80877103;
  static final int CANCEL_REQUEST = 80877102;
  static final int GSSENC_REQUEST = 80877104;
  static final int PROTOCOL_3 = 196608;
  private static final int MAX_STARTUP = 10_000;
  private static final int MAX_MESSAGE = 64 << 20;

  private boolean started;
  private boolean failed;

  @Override protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    try {
      Object msg = started ? decodeMessage(in) : decodeStartup(in);
      if (msg != null) out.add(msg);
    } catch (PgError e) {
      fail(in, out, e);
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      fail(in, out, PgError.fatal(PgError.PROTOCOL_VIOLATION, "invalid message format"));
    }
  }

  private void fail(ByteBuf in, List<Object> out, PgError e) {
    failed = true;
    in.skipBytes(in.readableBytes());
    out.add(e);
  }

  private Object decodeStartup(ByteBuf in) {
    if (in.readableBytes() < 8) return null;
    int length = in.getInt(in.readerIndex());
    if (length < 8 || length > MAX_STARTUP) {
      throw PgError.fatal(PgError.PROTOCOL_VIOLATION, "invalid length of startup packet");
    }
    if (in.readableBytes() < length) return null;
    ByteBuf body = in.readSlice(length).skipBytes(4);
    int code = body.readInt();
    if (code == SSL_REQUEST) return new Frontend.SslRequest();
    if (code == GSSENC_REQUEST) return new Frontend.GssEncRequest();
    if (code == CANCEL_REQUEST) return new Frontend.CancelRequest(body.readInt(), body.readInt());
    if (code >> 16 != 3) {
      throw PgError.fatal("0A000", "unsupported frontend protocol " + (code >> 16) + "." + (code & 0xFFFF)
          + ": server supports 3.0");
    }
    Map<String, String> params = new LinkedHashMap<>();
    while (body.isReadable()) {
      String key = cstring(body);
      if (key.isEmpty()) break;
      params.put(key, cstring(body));
    }
    started = true;
    return new Frontend.Startup(params);
  }

  private Object decodeMessage(ByteBuf in) {
    if (in.readableBytes() < 5) return null;
    int length = in.getInt(in.readerIndex() + 1);
    if (length < 4 || length > MAX_MESSAGE) {
      throw PgError.fatal(PgError.PROTOCOL_VIOLATION, "invalid message length " + length);
    }
    if (in.readableBytes() < length + 1) return null;
    char type = (char) in.readByte();
    ByteBuf body = in.readSlice(length).skipBytes(4);
    return switch (type) {
      case 'Q' -> new Frontend.Query(cstring(body));
      case 'P' -> parse(body);
      case 'B' -> bind(body);
      case 'D' -> new Frontend.Describe(kind(body), cstring(body));
      case 'E' -> new Frontend.Execute(cstring(body), body.readInt());
      case 'C' -> new Frontend.Close(kind(body), cstring(body));
      case 'S' -> new Frontend.Sync();
      case 'H' -> new Frontend.Flush();
      case 'X' -> new Frontend.Terminate();
      case 'p' -> {
        byte[] data = new byte[body.readableBytes()];
        body.readBytes(data);
        yield new Frontend.Password(data);
      }
      case 'F', 'd', 'c', 'f' -> new Frontend.Unsupported(type);
      default -> throw PgError.fatal(PgError.PROTOCOL_VIOLATION, "invalid frontend message type " + (int) type);
    };
  }

  private static Frontend.Parse parse(ByteBuf body) {
    String name = cstring(body);
    String sql = cstring(body);
    int n = body.readUnsignedShort();
    int[] oids = new int[n];
    for (int i = 0; i < n; i++) oids[i] = body.readInt();
    return new Frontend.Parse(name, sql, oids);
  }

  private static Frontend.Bind bind(ByteBuf body) {
    String portal = cstring(body);
    String statement = cstring(body);
    short[] paramFormats = shorts(body);
    int n = body.readUnsignedShort();
    byte[][] params = new byte[n][];
    for (int i = 0; i < n; i++) {
      int len = body.readInt();
      if (len < -1 || len > body.readableBytes()) throw new IllegalArgumentException("bad parameter length");
      if (len >= 0) {
        params[i] = new byte[len];
        body.readBytes(params[i]);
      }
    }
    short[] resultFormats = shorts(body);
    if (paramFormats.length > 1 && paramFormats.length != n) {
      throw new PgError(PgError.PROTOCOL_VIOLATION, "bind message has " + paramFormats.length
          + " parameter formats but " + n + " parameters");
    }
    return new Frontend.Bind(portal, statement, paramFormats, params, resultFormats);
  }

  private static short[] shorts(ByteBuf body) {
    int n = body.readUnsignedShort();
    if (n * 2 > body.readableBytes()) throw new IllegalArgumentException("bad count");
    short[] out = new short[n];
    for (int i = 0; i < n; i++) {
      out[i] = body.readShort();
      if (out[i] != Formats.TEXT && out[i] != Formats.BINARY) throw new IllegalArgumentException("bad format code");
    }
    return out;
  }

  private static char kind(ByteBuf body) {
    char k = (char) body.readByte();
    if (k != 'S' && k != 'P') throw new IllegalArgumentException("bad describe/close kind");
    return k;
  }

  private static String cstring(ByteBuf body) {
    int end = body.indexOf(body.readerIndex(), body.writerIndex(), (byte) 0);
    if (end < 0) throw new IllegalArgumentException("unterminated string");
    String s = body.toString(body.readerIndex(), end - body.readerIndex(), UTF_8);
    body.readerIndex(end + 1);
    return s;
  }
}
