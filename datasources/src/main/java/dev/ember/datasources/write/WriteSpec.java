package dev.ember.datasources.write;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.types.Schema;
import java.util.List;
import java.util.Map;

/**
 * What to write where: {@code format} is "parquet", "csv" or "json"; {@code options} are Spark's
 * (header, delimiter, compression, …; keys ignore case); {@code partitionBy} columns must be in the
 * schema and are written as Hive-style directories ({@code k=v/}) rather than into the files.
 */
public record WriteSpec(String format, String path, SaveMode mode, Schema schema,
                        List<String> partitionBy, Map<String, String> options) implements java.io.Serializable {
  public WriteSpec {
    requireNonNull(format);
    requireNonNull(path);
    requireNonNull(mode);
    requireNonNull(schema);
    partitionBy = List.copyOf(partitionBy == null ? List.of() : partitionBy);
    options = Map.copyOf(options == null ? Map.of() : options);
  }
}
