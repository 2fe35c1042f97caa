package dev.ember.datasources.write;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.csv.CsvFormatWriter;
import dev.ember.datasources.json.JsonFormatWriter;
import dev.ember.datasources.parquet.ParquetFormatWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The formats a job can write: the one place that turns a format name into its writer. */
public final class OutputFormats {
  public static final List<String> FORMATS = List.of("parquet", "csv", "json");

  private OutputFormats() {}

  /** The writer of {@code format} for files holding {@code dataSchema}, options checked now. */
  public static FileFormatWriter forFormat(String format, Schema dataSchema, Map<String, String> options) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "parquet" -> new ParquetFormatWriter(dataSchema, options);
      case "csv" -> new CsvFormatWriter(dataSchema, options);
      case "json" -> new JsonFormatWriter(dataSchema, options);
      default -> throw EmberException.notSupported("writing format '" + format
          + "' (supported: " + String.join(", ", FORMATS) + ")");
    };
  }
}
