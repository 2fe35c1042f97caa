package dev.ember.datasources.csv;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.TypeId;
import dev.ember.datasources.write.FileFormatWriter;
import dev.ember.datasources.write.FileWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;

/**
 * Writes CSV files (UTF-8, {@code \n} line ends) with Spark's options: {@code header} (false),
 * {@code sep}/{@code delimiter} (,), {@code quote} ("), {@code escape} (\), {@code nullValue}
 * (empty), {@code quoteAll} (false). NULL is written as {@code nullValue}; an empty string is
 * written quoted ({@code ""}) so it reads back as an empty string, not NULL. Dates and timestamps
 * are ISO-8601 ({@link dev.ember.datasources.write.TextValues}). VARBINARY, intervals, arrays and
 * NULL columns have no CSV form and are rejected before anything is written.
 */
public final class CsvFormatWriter implements FileFormatWriter {
  private final Schema schema;
  private final CsvOptions options;
  private final boolean quoteAll;

  public CsvFormatWriter(Schema schema, Map<String, String> options) {
    Map<String, String> readOptions = new HashMap<>();
    boolean all = false;
    for (Map.Entry<String, String> e : options.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (key.equals("quoteall")) {
        all = e.getValue().trim().equalsIgnoreCase("true");
      } else if (key.equals("compression") || key.equals("codec")) {
        String c = e.getValue().trim().toLowerCase(Locale.ROOT);
        if (!c.equals("none") && !c.equals("uncompressed")) throw EmberException.notSupported("CSV compression '" + c + "'");
      } else if (!key.equals("mode") && !key.equals("inferschema")) {
        readOptions.put(e.getKey(), e.getValue());
      }
    }
    this.options = CsvOptions.parse(readOptions);
    if (this.options.dateFormat() != null || this.options.timestampFormat() != null) {
      throw EmberException.notSupported("dateFormat/timestampFormat when writing CSV (dates are written ISO-8601)");
    }
    for (Field f : schema.fields()) {
      TypeId id = f.type().id();
      if (id == TypeId.VARBINARY || id == TypeId.NULL || id == TypeId.ARRAY || f.type().isInterval()) {
        throw EmberException.notSupported("writing column '" + f.name() + "' of type " + f.type().sql() + " to CSV");
      }
    }
    this.schema = schema;
    this.quoteAll = all;
  }

  @Override public String extension() { return ".csv"; }

  @Override public FileWriter open(FSDataOutputStream out, String file) {
    return new CsvRowsWriter(out, file, schema, options, quoteAll);
  }
}
