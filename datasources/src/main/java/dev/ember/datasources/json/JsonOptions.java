package dev.ember.datasources.json;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.datasources.ParseMode;
import java.util.Locale;
import java.util.Map;

/**
 * Options of a JSON table (keys ignore case), as Spark names them:
 * <pre>
 * mode                       PERMISSIVE  what a malformed line does (see {@link ParseMode})
 * columnNameOfCorruptRecord  _corrupt_record  column that receives a malformed line's text
 * samplingRows               10000       lines read to infer the schema (Ember's own option)
 * </pre>
 * Other options are ignored, as Spark ignores options it does not use.
 */
public record JsonOptions(ParseMode mode, String corruptColumn, int samplingRows) {
  public static final JsonOptions DEFAULT = new JsonOptions(ParseMode.PERMISSIVE, "_corrupt_record", 10_000);

  public static JsonOptions parse(Map<String, String> options) {
    ParseMode mode = DEFAULT.mode;
    String corrupt = DEFAULT.corruptColumn;
    int sampling = DEFAULT.samplingRows;
    for (Map.Entry<String, String> e : options.entrySet()) {
      switch (e.getKey().toLowerCase(Locale.ROOT)) {
        case "mode" -> mode = ParseMode.parse(e.getValue());
        case "columnnameofcorruptrecord" -> corrupt = e.getValue();
        case "samplingrows" -> {
          try {
            sampling = Integer.parseInt(e.getValue().trim());
          } catch (NumberFormatException x) {
            sampling = -1;
          }
          if (sampling < 1) {
            throw new EmberException(EmberException.SYNTAX_ERROR,
                "JSON option samplingRows must be a positive integer, not '" + e.getValue() + "'");
          }
        }
        default -> { }
      }
    }
    return new JsonOptions(mode, corrupt, sampling);
  }
}
