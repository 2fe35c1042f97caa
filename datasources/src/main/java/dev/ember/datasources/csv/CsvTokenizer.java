package dev.ember.datasources.csv;

import dev.ember.catalyst.errors.EmberException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of fields the way Spark's reader does:
 * <ul>
 *   <li>a field starting with the quote character is quoted: it runs to the matching quote and may
 *       hold delimiters and line breaks; inside it a doubled quote, or the escape character before
 *       a quote or another escape, stands for that character (any other escape stays as it is);</li>
 *   <li>in an unquoted field every character is literal, quotes included;</li>
 *   <li>records end at {@code \n}, {@code \r\n} or {@code \r}; blank lines are skipped; a leading
 *       byte-order mark is dropped.</li>
 * </ul>
 * A quote still open at the end of the file is malformed: a DATA_EXCEPTION naming the file and
 * line. So is text after a closing quote other than a delimiter or line end in FAILFAST mode; in
 * the other modes that text is kept as part of the field and the record flagged ({@link #problem}).
 */
final class CsvTokenizer {
  private static final int EOF = -1;

  private final Reader in;
  private final String file;
  private final char[] delimiter;
  private final int quote;
  private final int escape;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int limit;
  private int line = 1;
  private boolean started;

  private final List<String> fields = new ArrayList<>();
  private final List<Boolean> quoted = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private int recordLine;
  /** Buffer index where the current record's text starts (moves to 0 when the buffer shifts). */
  private int recordStart = -1;
  private final StringBuilder raw = new StringBuilder();
  private String rawRecord;
  private final boolean lenient;
  private String problem;

  CsvTokenizer(Reader in, String file, CsvOptions options) {
    this.lenient = options.mode() != dev.ember.datasources.ParseMode.FAILFAST;
    this.in = in;
    this.file = file;
    this.delimiter = options.delimiter().toCharArray();
    this.quote = options.quote() == null ? EOF - 1 : options.quote();
    this.escape = options.escape() == null ? EOF - 1 : options.escape();
  }

  /** The fields of the last record read. */
  List<String> fields() { return fields; }

  /** Whether field {@code i} of the last record was quoted (a quoted field is never NULL by default). */
  boolean wasQuoted(int i) { return quoted.get(i); }

  /** 1-based line on which the last record started. */
  int recordLine() { return recordLine; }

  String file() { return file; }

  /** The text of the last record as it stood in the file (without its line end). */
  String rawRecord() { return rawRecord; }

  /**
   * What was malformed in the last record's quoting (text after a closing quote, which a lenient
   * reader keeps as part of the field), or null.
   */
  String problem() { return problem; }

  /** Reads the next record; false at the end of the input. */
  boolean next() throws IOException {
    if (!started) {
      started = true;
      if (peek(0) == '\uFEFF') position++;
    }
    int c;
    while ((c = peek(0)) == '\n' || c == '\r') consumeLineEnd(c);
    if (c == EOF) return false;
    fields.clear();
    quoted.clear();
    problem = null;
    recordLine = line;
    raw.setLength(0);
    recordStart = position;
    while (true) {
      boolean isQuoted = peek(0) == quote;
      String value = isQuoted ? quotedField() : plainField();
      fields.add(value);
      quoted.add(isQuoted);
      c = peek(0);
      if (atDelimiter()) {
        position += delimiter.length;
        continue;
      }
      raw.append(buffer, recordStart, position - recordStart);
      rawRecord = raw.toString();
      recordStart = -1;
      if (c == '\n' || c == '\r') consumeLineEnd(c);
      return true;
    }
  }

  private String plainField() throws IOException {
    text.setLength(0);
    while (true) {
      int c = peek(0);
      if (c == EOF || c == '\n' || c == '\r' || atDelimiter()) return text.toString();
      text.append((char) c);
      position++;
    }
  }

  private String quotedField() throws IOException {
    int startLine = line;
    position++; // opening quote
    text.setLength(0);
    while (true) {
      int c = peek(0);
      if (c == EOF) throw malformed(startLine, "quoted field is never closed");
      if (c == escape && escape != quote && (peek(1) == quote || peek(1) == escape)) {
        text.append((char) peek(1));
        position += 2;
      } else if (c == quote) {
        if (peek(1) == quote) {
          text.append((char) quote);
          position += 2;
        } else {
          position++;
          int after = peek(0);
          if (after != EOF && after != '\n' && after != '\r' && !atDelimiter()) {
            if (!lenient) throw malformed(line, "unexpected character '" + (char) after + "' after a closing quote");
            problem = "unexpected character '" + (char) after + "' after a closing quote";
            // lenient: the rest of the field, up to the next delimiter or line end, is kept as text
            for (int d = peek(0); d != EOF && d != '\n' && d != '\r' && !atDelimiter(); d = peek(0)) {
              text.append((char) d);
              position++;
            }
          }
          return text.toString();
        }
      } else {
        if (c == '\n' || (c == '\r' && peek(1) != '\n')) line++;
        text.append((char) c);
        position++;
      }
    }
  }

  private boolean atDelimiter() throws IOException {
    for (int i = 0; i < delimiter.length; i++) if (peek(i) != delimiter[i]) return false;
    return true;
  }

  private void consumeLineEnd(int c) throws IOException {
    position++;
    if (c == '\r' && peek(0) == '\n') position++;
    line++;
  }

  /** The character {@code ahead} places past the current one, or EOF. */
  private int peek(int ahead) throws IOException {
    if (position + ahead >= limit) {
      if (!fill(ahead)) return EOF;
    }
    return buffer[position + ahead];
  }

  private boolean fill(int ahead) throws IOException {
    if (position > 0) {
      if (recordStart >= 0) {
        raw.append(buffer, recordStart, position - recordStart);
        recordStart = 0;
      }
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    }
    while (limit <= ahead) {
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) return false;
      limit += n;
    }
    return true;
  }

  EmberException malformed(int atLine, String what) {
    return new EmberException(EmberException.DATA_EXCEPTION,
        "malformed CSV in " + file + " at line " + atLine + ": " + what);
  }
}
