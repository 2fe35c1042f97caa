package dev.ember.datasources.csv;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.datasources.write.FileWriter;
import dev.ember.datasources.write.TextValues;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** One CSV file being written; see {@link CsvFormatWriter} for the format. */
final class CsvRowsWriter implements FileWriter {
  private final String file;
  private final Schema schema;
  private final CsvOptions options;
  private final boolean quoteAll;
  private final Writer out;
  private final StringBuilder line = new StringBuilder();

  CsvRowsWriter(OutputStream stream, String file, Schema schema, CsvOptions options, boolean quoteAll) {
    this.file = file;
    this.schema = schema;
    this.options = options;
    this.quoteAll = quoteAll;
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    if (options.header()) {
      line.setLength(0);
      for (int c = 0; c < schema.size(); c++) {
        if (c > 0) line.append(options.delimiter());
        field(schema.field(c).name());
      }
      emit();
    }
  }

  @Override public void write(List<FieldVector> columns, int[] rows, int count) {
    for (int i = 0; i < count; i++) {
      line.setLength(0);
      for (int c = 0; c < schema.size(); c++) {
        if (c > 0) line.append(options.delimiter());
        Object v = ArrowValues.get(columns.get(c), rows[i], schema.field(c).type());
        if (v == null) {
          line.append(options.nullValue());
        } else {
          field(TextValues.text(schema.field(c).type(), v));
        }
      }
      emit();
    }
  }

  private void field(String text) {
    Character quote = options.quote();
    if (quote == null || !(quoteAll || needsQuotes(text))) {
      line.append(text);
      return;
    }
    char q = quote;
    Character escape = options.escape();
    line.append(q);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == q) {
        line.append(escape == null ? q : escape.charValue()).append(q);
      } else if (escape != null && ch == escape && escape != q) {
        line.append(ch).append(ch);
      } else {
        line.append(ch);
      }
    }
    line.append(q);
  }

  /** Text that would read back differently unquoted: separators, quotes, line ends, NULL look-alikes. */
  private boolean needsQuotes(String text) {
    if (text.isEmpty() || text.equals(options.nullValue())) return true;
    if (text.contains(options.delimiter())) return true;
    if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) return true;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\n' || ch == '\r' || ch == options.quote() || (options.escape() != null && ch == options.escape())) {
        return true;
      }
    }
    return false;
  }

  private void emit() {
    line.append('\n');
    try {
      out.append(line);
    } catch (IOException e) {
      throw error(e);
    }
  }

  @Override public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw error(e);
    }
  }

  private EmberException error(IOException e) {
    return new EmberException(EmberException.IO_ERROR, "cannot write CSV file " + file + ": " + e.getMessage(), e);
  }
}
