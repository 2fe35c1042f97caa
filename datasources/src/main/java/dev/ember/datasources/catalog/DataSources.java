package dev.ember.datasources.catalog;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.ScanMetrics;
import dev.ember.datasources.csv.CsvTable;
import dev.ember.datasources.partition.PartitionedTable;
import dev.ember.datasources.json.JsonTable;
import dev.ember.datasources.parquet.ParquetTable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The file formats a table can be {@code USING}: the one place that turns a provider name, a
 * location and options into a readable table (for CREATE TABLE … USING, the DataFrame reader and
 * the persistent catalog alike). A directory laid out Hive-style ({@code k=v/} sub-directories)
 * becomes a {@link PartitionedTable} with the partition columns after the data columns.
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
    PartitionedTable.Opener opener = switch (provider.toLowerCase(Locale.ROOT)) {
      case "parquet" -> (dir, schema, metrics) -> ParquetTable.open(name, dir, schema, metrics);
      case "csv" -> (dir, schema, metrics) -> CsvTable.open(name, dir, options, schema);
      case "json" -> (dir, schema, metrics) -> JsonTable.open(name, dir, options, schema);
      default -> throw EmberException.notSupported("data source provider '" + provider
          + "' (supported: " + String.join(", ", PROVIDERS) + ")");
    };
    return PartitionedTable.open(name, path, schemaOrNull, opener)
        .orElseGet(() -> opener.open(path, schemaOrNull, new ScanMetrics()));
  }
}
