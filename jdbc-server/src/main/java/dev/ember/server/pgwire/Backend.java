package dev.ember.server.pgwire;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Writers of the server's protocol messages (PostgreSQL protocol 3.0): each appends one complete
 * message (type byte, length word, body) to a buffer.
 */
public final class Backend {
  private Backend() {}

  /** Starts a message; returns the index of its length word for {@link #end}. */
  static int begin(ByteBuf out, char type) {
    out.writeByte(type);
    int at = out.writerIndex();
    out.writeInt(0);
    return at;
  }

  static void end(ByteBuf out, int lengthAt) { out.setInt(lengthAt, out.writerIndex() - lengthAt); }

  static void cstring(ByteBuf out, String s) {
    out.writeBytes(s.getBytes(UTF_8));
    out.writeByte(0);
  }

  private static void empty(ByteBuf out, char type) {
    out.writeByte(type);
    out.writeInt(4);
  }

  public static void authOk(ByteBuf out) { auth(out, 0); }

  static void auth(ByteBuf out, int code) {
    int at = begin(out, 'R');
    out.writeInt(code);
    end(out, at);
  }

  /** AuthenticationSASL offering SCRAM-SHA-256. */
  static void authSasl(ByteBuf out) {
    int at = begin(out, 'R');
    out.writeInt(10);
    cstring(out, "SCRAM-SHA-256");
    out.writeByte(0);
    end(out, at);
  }

  /** AuthenticationSASLContinue (11) or AuthenticationSASLFinal (12) with its data. */
  static void authSaslData(ByteBuf out, int code, String data) {
    int at = begin(out, 'R');
    out.writeInt(code);
    out.writeBytes(data.getBytes(UTF_8));
    end(out, at);
  }

  static void parameterStatus(ByteBuf out, String name, String value) {
    int at = begin(out, 'S');
    cstring(out, name);
    cstring(out, value);
    end(out, at);
  }

  static void backendKeyData(ByteBuf out, int pid, int secret) {
    int at = begin(out, 'K');
    out.writeInt(pid);
    out.writeInt(secret);
    end(out, at);
  }

  static void readyForQuery(ByteBuf out, char status) {
    int at = begin(out, 'Z');
    out.writeByte(status);
    end(out, at);
  }

  /** RowDescription: name, table oid, column number, type oid, type length, typmod, format. */
  static void rowDescription(ByteBuf out, List<ResultColumn> columns, short[] formats) {
    int at = begin(out, 'T');
    out.writeShort(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      ResultColumn c = columns.get(i);
      cstring(out, c.name());
      out.writeInt(0);
      out.writeShort(0);
      out.writeInt(c.type().oid());
      out.writeShort(c.type().length());
      out.writeInt(c.typmod());
      out.writeShort(Formats.of(formats, i));
    }
    end(out, at);
  }

  static void parameterDescription(ByteBuf out, int[] oids) {
    int at = begin(out, 't');
    out.writeShort(oids.length);
    for (int oid : oids) out.writeInt(oid);
    end(out, at);
  }

  static void commandComplete(ByteBuf out, String tag) {
    int at = begin(out, 'C');
    cstring(out, tag);
    end(out, at);
  }

  static void parseComplete(ByteBuf out) { empty(out, '1'); }

  static void bindComplete(ByteBuf out) { empty(out, '2'); }

  static void closeComplete(ByteBuf out) { empty(out, '3'); }

  static void noData(ByteBuf out) { empty(out, 'n'); }

  static void portalSuspended(ByteBuf out) { empty(out, 's'); }

  static void emptyQueryResponse(ByteBuf out) { empty(out, 'I'); }

  /** ErrorResponse ('E') or NoticeResponse ('N') with severity, SQLSTATE, message, position. */
  static void notice(ByteBuf out, char type, String severity, String sqlState, String message, int position) {
    int at = begin(out, type);
    out.writeByte('S');
    cstring(out, severity);
    out.writeByte('V');
    cstring(out, severity);
    out.writeByte('C');
    cstring(out, sqlState);
    out.writeByte('M');
    cstring(out, message == null ? "" : message);
    if (position > 0) {
      out.writeByte('P');
      cstring(out, Integer.toString(position));
    }
    out.writeByte(0);
    end(out, at);
  }

  static void error(ByteBuf out, PgError e) { notice(out, 'E', e.severity(), e.sqlState(), e.getMessage(), e.position()); }
}
