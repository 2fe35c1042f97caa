package dev.ember.datasources.catalog;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.csv.CsvTable;
import dev.ember.datasources.json.JsonTable;
import dev.ember.datasources.parquet.ParquetTable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The file formats a table can be {@code USING}: the one place that turns a provider name, a
 * location and options into a readable table (for CREATE TABLE … USING, the DataFrame reader and
 * the persistent catalog alike).
 */
public final class DataSources {
  /** Provider names, as written after USING (case-insensitive). */
  public static final List<String> PROVIDERS = List.of("parquet", "csv", "json");

  private DataSources() {}

  /**
   * Opens the table {@code name} stored at {@code path} in format {@code provider}. Parquet takes
   * no options (unknown ones are ignored, as Spark does); CSV and JSON take Spark's (see
   * {@link dev.ember.datasources.csv.CsvOptions}, {@link dev.ember.datasources.json.JsonOptions}). A declared schema may be null.
   */
  public static DataSourceTable open(String provider, String name, Map<String, String> options,
                                     String path, Schema schemaOrNull) {
    if (path == null || path.isBlank()) {
      throw new EmberException(EmberException.SYNTAX_ERROR, "table " + name + " needs a location (path)");
    }
    return switch (provider.toLowerCase(Locale.ROOT)) {
      case "parquet" -> ParquetTable.open(name, path, schemaOrNull);
      case "csv" -> CsvTable.open(name, path, options, schemaOrNull);
      case "json" -> JsonTable.open(name, path, options, schemaOrNull);
      default -> throw EmberException.notSupported("data source provider '" + provider
          + "' (supported: " + String.join(", ", PROVIDERS) + ")");
    };
  }
}
