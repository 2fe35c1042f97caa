package dev.ember.datasources.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.TypeId;
import dev.ember.datasources.write.FileFormatWriter;
import dev.ember.datasources.write.FileWriter;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;

/**
 * Writes line-delimited JSON (one object per row, UTF-8) as Spark does: NULL fields are left out;
 * numbers are JSON numbers (decimals in plain notation), NaN and infinities are strings; dates and
 * timestamps are ISO-8601 strings ({@link dev.ember.datasources.write.TextValues}); VARBINARY is
 * base64; arrays are JSON arrays. Intervals and NULL columns are rejected before anything is written. Options are ignored
 * except {@code compression}, which must be none.
 */
public final class JsonFormatWriter implements FileFormatWriter {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private final Schema schema;

  public JsonFormatWriter(Schema schema, Map<String, String> options) {
    for (Map.Entry<String, String> e : options.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (key.equals("compression") || key.equals("codec")) {
        String c = e.getValue().trim().toLowerCase(Locale.ROOT);
        if (!c.equals("none") && !c.equals("uncompressed")) throw EmberException.notSupported("JSON compression '" + c + "'");
      }
    }
    for (Field f : schema.fields()) {
      if (f.type().id() == TypeId.NULL || f.type().isInterval()) {
        throw EmberException.notSupported("writing column '" + f.name() + "' of type " + f.type().sql() + " to JSON");
      }
    }
    this.schema = schema;
  }

  @Override public String extension() { return ".json"; }

  @Override public FileWriter open(FSDataOutputStream out, String file) {
    return new JsonRowsWriter(out, file, schema);
  }

  static JsonGenerator generator(java.io.OutputStream out) throws java.io.IOException {
    return FACTORY.createGenerator(out);
  }
}
