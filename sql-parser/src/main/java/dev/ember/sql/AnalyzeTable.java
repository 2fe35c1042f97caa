package dev.ember.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code ANALYZE TABLE name COMPUTE STATISTICS [NOSCAN | FOR COLUMNS a, b, … | FOR ALL COLUMNS]}
 * (Spark's syntax). Without a column clause the row count and size are computed; NOSCAN records
 * only what the source knows without reading (its size); {@code columns} lists the columns to
 * compute column statistics for (every column with {@code allColumns}).
 */
public record AnalyzeTable(List<String> name, boolean noScan, List<String> columns, boolean allColumns)
    implements Statement {
  public AnalyzeTable {
    name = List.copyOf(name);
    columns = List.copyOf(requireNonNull(columns));
  }
}
