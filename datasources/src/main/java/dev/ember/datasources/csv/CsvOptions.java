package dev.ember.datasources.csv;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.datasources.ParseMode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Options of a CSV table, named and defaulted as Spark names them (keys ignore case):
 * <pre>
 * header           false   first line of each file names the columns (and is not data)
 * sep, delimiter   ,       field separator (one or more characters; \t is a tab)
 * quote            "       quote character; empty turns quoting off
 * escape           \       inside a quoted field, makes the next quote (or escape) literal
 * nullValue        ""      text that stands for NULL
 * inferSchema      false   guess column types from a sample; otherwise every column is VARCHAR
 * dateFormat       yyyy-MM-dd
 * timestampFormat  (ISO: yyyy-MM-dd[T| ]HH:mm[:ss[.fraction]][offset])
 * samplingRows     10000   rows read to infer types (Ember's own option)
 * mode             PERMISSIVE  malformed records: PERMISSIVE (bad fields NULL), DROPMALFORMED, FAILFAST
 * columnNameOfCorruptRecord  _corrupt_record  VARCHAR column that receives a malformed record's text
 * </pre>
 * A record is malformed when it has too few or too many fields, a field does not parse as its
 * column's type, or text follows a closing quote. In PERMISSIVE mode missing fields are NULL and
 * extra ones dropped, as in Spark.
 */
public record CsvOptions(boolean header, String delimiter, Character quote, Character escape,
                         String nullValue, boolean inferSchema, String dateFormat,
                         String timestampFormat, int samplingRows, ParseMode mode,
                         String columnNameOfCorruptRecord) implements java.io.Serializable {
  public static final CsvOptions DEFAULT = new CsvOptions(false, ",", '"', '\\', "", false, null, null, 10_000,
      ParseMode.PERMISSIVE, "_corrupt_record");

  private static final Set<String> KNOWN = Set.of("header", "sep", "delimiter", "quote", "escape",
      "nullvalue", "inferschema", "dateformat", "timestampformat", "samplingrows", "mode",
      "columnnameofcorruptrecord");

  /** Options from a SQL/DataFrame option map; unknown keys are an error so typos do not pass silently. */
  public static CsvOptions parse(Map<String, String> options) {
    CsvOptions o = DEFAULT;
    boolean header = o.header;
    String delimiter = o.delimiter;
    Character quote = o.quote;
    Character escape = o.escape;
    String nullValue = o.nullValue;
    boolean infer = o.inferSchema;
    String dateFormat = null;
    String timestampFormat = null;
    int sampling = o.samplingRows;
    ParseMode mode = o.mode;
    String corrupt = o.columnNameOfCorruptRecord;
    for (Map.Entry<String, String> e : options.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      String value = e.getValue();
      if (!KNOWN.contains(key)) {
        throw new EmberException(EmberException.SYNTAX_ERROR, "unknown CSV option '" + e.getKey()
            + "' (known: header, sep, delimiter, quote, escape, nullValue, inferSchema, dateFormat, timestampFormat, samplingRows, mode, columnNameOfCorruptRecord)");
      }
      switch (key) {
        case "header" -> header = bool(e.getKey(), value);
        case "sep", "delimiter" -> delimiter = unescape(value);
        case "quote" -> quote = character(e.getKey(), value);
        case "escape" -> escape = character(e.getKey(), value);
        case "nullvalue" -> nullValue = value;
        case "inferschema" -> infer = bool(e.getKey(), value);
        case "dateformat" -> dateFormat = value;
        case "timestampformat" -> timestampFormat = value;
        case "mode" -> mode = ParseMode.parse(value);
        case "columnnameofcorruptrecord" -> corrupt = value;
        default -> sampling = positive(e.getKey(), value);
      }
    }
    if (delimiter.isEmpty()) throw new EmberException(EmberException.SYNTAX_ERROR, "CSV option sep must not be empty");
    return new CsvOptions(header, delimiter, quote, escape, nullValue, infer, dateFormat, timestampFormat, sampling,
        mode, corrupt);
  }

  private static boolean bool(String key, String v) {
    if (v.equalsIgnoreCase("true")) return true;
    if (v.equalsIgnoreCase("false")) return false;
    throw new EmberException(EmberException.SYNTAX_ERROR, "CSV option " + key + " must be true or false, not '" + v + "'");
  }

  private static Character character(String key, String v) {
    String s = unescape(v);
    if (s.isEmpty()) return null;
    if (s.length() != 1) {
      throw new EmberException(EmberException.SYNTAX_ERROR, "CSV option " + key + " must be one character, not '" + v + "'");
    }
    return s.charAt(0);
  }

  private static int positive(String key, String v) {
    try {
      int n = Integer.parseInt(v.trim());
      if (n > 0) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new EmberException(EmberException.SYNTAX_ERROR, "CSV option " + key + " must be a positive integer, not '" + v + "'");
  }

  /** {@code \t} as a tab and {@code \\} as a backslash, as Spark accepts them. */
  private static String unescape(String v) {
    return switch (v) {
      case "\\t" -> "\t";
      case "\\\\" -> "\\";
      default -> v;
    };
  }
}
