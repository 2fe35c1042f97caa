package dev.ember.datasources.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.datasources.write.FileWriter;
import dev.ember.datasources.write.TextValues;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** One line-delimited JSON file being written; see {@link JsonFormatWriter} for the format. */
final class JsonRowsWriter implements FileWriter {
  private final String file;
  private final Schema schema;
  private final OutputStream stream;
  private final JsonGenerator out;

  JsonRowsWriter(OutputStream stream, String file, Schema schema) {
    this.file = file;
    this.schema = schema;
    this.stream = stream;
    try {
      this.out = JsonFormatWriter.generator(new java.io.BufferedOutputStream(stream, 1 << 16));
      // one object per line: the root separator is a newline, nothing else is indented
      this.out.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
    } catch (IOException e) {
      throw error(e);
    }
  }

  @Override public void write(List<FieldVector> columns, int[] rows, int count) {
    try {
      for (int i = 0; i < count; i++) {
        out.writeStartObject();
        for (int c = 0; c < schema.size(); c++) {
          DataType t = schema.field(c).type();
          Object v = ArrowValues.get(columns.get(c), rows[i], t);
          if (v == null) continue;
          out.writeFieldName(schema.field(c).name());
          value(t, v);
        }
        out.writeEndObject();
      }
    } catch (IOException e) {
      throw error(e);
    }
  }

  private void value(DataType t, Object v) throws IOException {
    switch (t.id()) {
      case BOOLEAN -> out.writeBoolean((Boolean) v);
      case TINYINT, SMALLINT, INT -> out.writeNumber(((Number) v).intValue());
      case BIGINT -> out.writeNumber((Long) v);
      case FLOAT -> {
        float f = (Float) v;
        if (Float.isFinite(f)) out.writeNumber(f); else out.writeString(Float.toString(f));
      }
      case DOUBLE -> {
        double d = (Double) v;
        if (Double.isFinite(d)) out.writeNumber(d); else out.writeString(Double.toString(d));
      }
      case DECIMAL -> out.writeNumber(TextValues.decimal(t, v));
      case VARBINARY -> out.writeBinary((byte[]) v);
      case ARRAY -> {
        out.writeStartArray();
        for (Object e : (java.util.List<?>) v) {
          if (e == null) out.writeNull(); else value(t.elementType(), e);
        }
        out.writeEndArray();
      }
      default -> out.writeString(TextValues.text(t, v));
    }
  }

  @Override public void close() {
    try {
      out.writeRaw('\n');
      out.close();
      stream.close();
    } catch (IOException e) {
      throw error(e);
    }
  }

  private EmberException error(IOException e) {
    return new EmberException(EmberException.IO_ERROR, "cannot write JSON file " + file + ": " + e.getMessage(), e);
  }
}
