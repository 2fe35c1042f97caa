package dev.ember.server.pgwire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** The decoder on byte streams: start-up, messages split anywhere, and violations. */
class FrontendDecoderTest {
  private static ByteBuf startup() {
    ByteBuf body = Unpooled.buffer();
    body.writeInt(FrontendDecoder.PROTOCOL_3);
    body.writeBytes("user\0me\0database\0db\0\0".getBytes(UTF_8));
    ByteBuf out = Unpooled.buffer();
    out.writeInt(body.readableBytes() + 4).writeBytes(body);
    return out;
  }

  private static ByteBuf message(char type, byte[] body) {
    return Unpooled.buffer().writeByte(type).writeInt(body.length + 4).writeBytes(body);
  }

  @Test void decodesStartupAndMessagesSplitAtEveryByte() {
    ByteBuf all = Unpooled.buffer().writeBytes(startup()).writeBytes(message('Q', "SELECT 1\0".getBytes(UTF_8)))
        .writeBytes(message('S', new byte[0]));
    EmbeddedChannel ch = new EmbeddedChannel(new FrontendDecoder());
    while (all.isReadable()) ch.writeInbound(all.readRetainedSlice(1)); // one byte at a time
    Frontend.Startup s = assertInstanceOf(Frontend.Startup.class, ch.readInbound());
    assertEquals("me", s.parameters().get("user"));
    assertEquals("db", s.parameters().get("database"));
    assertEquals("SELECT 1", assertInstanceOf(Frontend.Query.class, ch.readInbound()).sql());
    assertInstanceOf(Frontend.Sync.class, ch.readInbound());
    assertNull(ch.readInbound());
  }

  @Test void decodesBind() {
    ByteBuf body = Unpooled.buffer();
    body.writeBytes("p\0s\0".getBytes(UTF_8)).writeShort(1).writeShort(1).writeShort(2)
        .writeInt(4).writeInt(42).writeInt(-1).writeShort(1).writeShort(1);
    byte[] b = new byte[body.readableBytes()];
    body.readBytes(b);
    EmbeddedChannel ch = new EmbeddedChannel(new FrontendDecoder());
    ch.writeInbound(startup(), message('B', b));
    ch.readInbound();
    Frontend.Bind bind = assertInstanceOf(Frontend.Bind.class, ch.readInbound());
    assertEquals("p", bind.portal());
    assertArrayEquals(new byte[] {0, 0, 0, 42}, bind.params()[0]);
    assertNull(bind.params()[1]);
    assertArrayEquals(new short[] {1}, bind.resultFormats());
  }

  @Test void violationsBecomeOneFatalErrorAndTheRestIsIgnored() {
    EmbeddedChannel ch = new EmbeddedChannel(new FrontendDecoder());
    ch.writeInbound(startup(), Unpooled.buffer().writeByte('Q').writeInt(2), message('S', new byte[0]));
    ch.readInbound();
    PgError e = assertInstanceOf(PgError.class, ch.readInbound());
    assertTrue(e.isFatal());
    assertEquals(PgError.PROTOCOL_VIOLATION, e.sqlState());
    assertNull(ch.readInbound());
    EmbeddedChannel unterminated = new EmbeddedChannel(new FrontendDecoder());
    unterminated.writeInbound(startup(), message('Q', "no terminator".getBytes(UTF_8)));
    unterminated.readInbound();
    assertInstanceOf(PgError.class, unterminated.readInbound());
  }

  @Test void sslAndCancelRequests() {
    EmbeddedChannel ch = new EmbeddedChannel(new FrontendDecoder());
    ch.writeInbound(Unpooled.buffer().writeInt(8).writeInt(FrontendDecoder.SSL_REQUEST),
        Unpooled.buffer().writeInt(16).writeInt(FrontendDecoder.CANCEL_REQUEST).writeInt(1001).writeInt(-7));
    assertInstanceOf(Frontend.SslRequest.class, ch.readInbound());
    Frontend.CancelRequest c = assertInstanceOf(Frontend.CancelRequest.class, ch.readInbound());
    assertEquals(1001, c.processId());
    assertEquals(-7, c.secretKey());
  }
}
