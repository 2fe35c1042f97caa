package dev.ember.server.pgwire;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.ember.catalyst.types.TypeId;
import dev.ember.catalyst.types.Utf8String;
import io.netty.buffer.ByteBuf;
import java.util.List;

/** Writes DataRow messages: each value in the text or binary format its column asked for. */
final class DataRows {
  private DataRows() {}

  static void write(ByteBuf out, Object[] row, List<ResultColumn> columns, short[] formats) {
    int at = Backend.begin(out, 'D');
    out.writeShort(row.length);
    for (int c = 0; c < row.length; c++) {
      Object v = row[c];
      if (v == null) {
        out.writeInt(-1);
        continue;
      }
      ResultColumn col = columns.get(c);
      if (Formats.of(formats, c) == Formats.BINARY) {
        int lenAt = out.writerIndex();
        out.writeInt(0);
        BinaryFormat.write(out, v, col.emberType());
        out.setInt(lenAt, out.writerIndex() - lenAt - 4);
      } else {
        byte[] bytes = col.emberType().id() == TypeId.VARCHAR ? ((Utf8String) v).bytes()
            : TextFormat.format(v, col.emberType()).getBytes(UTF_8);
        out.writeInt(bytes.length);
        out.writeBytes(bytes);
      }
    }
    Backend.end(out, at);
  }
}
