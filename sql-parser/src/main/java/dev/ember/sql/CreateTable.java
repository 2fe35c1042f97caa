package dev.ember.sql;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.types.Field;
import java.util.List;
import java.util.Map;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] name [(col type, …)] USING provider [OPTIONS (k 'v', …)]
 * [LOCATION 'path']} (Spark's syntax).
 *
 * @param columns the declared columns; empty when the schema is to be inferred from the data
 * @param provider the data source, lower-case (e.g. {@code parquet}, {@code csv})
 * @param options option keys lower-case, in the order written
 * @param location the path, or null when not given
 */
public record CreateTable(List<String> name, boolean ifNotExists, List<Field> columns, String provider,
    Map<String, String> options, String location) implements Statement {
  public CreateTable {
    name = List.copyOf(name);
    columns = List.copyOf(columns);
    requireNonNull(provider);
    options = Options.copyOf(options);
  }
}
