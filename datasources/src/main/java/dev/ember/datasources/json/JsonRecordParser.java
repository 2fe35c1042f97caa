package dev.ember.datasources.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.Utf8String;
import dev.ember.datasources.ParseMode;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one line of line-delimited JSON into a row of the table's columns (boxed Ember values).
 * Keys match columns exactly, else ignoring case; unknown keys are skipped; a missing key is NULL.
 * A line that is not one JSON object, or a value that does not fit its column, is malformed and
 * handled by the {@link ParseMode}.
 */
final class JsonRecordParser {
  private final Schema table;
  private final ParseMode mode;
  private final int corruptIndex;
  private final Map<String, Integer> exact = new HashMap<>();
  private final Map<String, Integer> folded = new HashMap<>();

  JsonRecordParser(Schema table, JsonOptions options) {
    this.table = table;
    this.mode = options.mode();
    int corrupt = table.indexOf(options.corruptColumn());
    this.corruptIndex = corrupt >= 0 && table.field(corrupt).type().equals(DataType.VARCHAR) ? corrupt : -1;
    for (int i = 0; i < table.size(); i++) {
      exact.put(table.field(i).name(), i);
      folded.putIfAbsent(table.field(i).name().toLowerCase(Locale.ROOT), i);
    }
  }

  /** The row of {@code line}, or null when it is malformed and the mode drops it. */
  Object[] parse(String line, String file, long lineNumber) {
    Object[] row = new Object[table.size()];
    String problem = null;
    try (JsonParser p = JsonValues.FACTORY.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        problem = "a line must hold one JSON object";
      } else {
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
          String key = p.currentName();
          p.nextToken();
          Integer at = exact.get(key);
          if (at == null) at = folded.get(key.toLowerCase(Locale.ROOT));
          if (at == null || at == corruptIndex) {
            p.skipChildren();
            continue;
          }
          try {
            row[at] = JsonValues.read(p, table.field(at).type());
          } catch (JsonValues.Mismatch m) {
            if (problem == null) problem = "field '" + key + "': " + m.getMessage();
          }
        }
        if (problem == null && p.nextToken() != null) problem = "text after the JSON object";
      }
    } catch (JsonProcessingException e) {
      Arrays.fill(row, null);
      problem = e.getOriginalMessage();
    } catch (IOException e) {
      throw new EmberException(EmberException.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
    }
    if (problem == null) return row;
    switch (mode) {
      case FAILFAST:
        throw new EmberException(EmberException.DATA_EXCEPTION,
            "malformed JSON in " + file + " at line " + lineNumber + ": " + problem);
      case DROPMALFORMED:
        return null;
      default:
        if (corruptIndex >= 0) row[corruptIndex] = Utf8String.of(line);
        return row;
    }
  }
}
