package dev.ember.catalyst.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The names a query can see, arranged as nested schemas (e.g. {@code tpch} ⊃ {@code tiny} ⊃
 * {@code lineitem}) with tables at any level ({@code t} at the root for session views and
 * catalog tables). Lookups ignore case.
 */
public interface Catalog {
  /** The table or view at {@code path}, e.g. [tpch, tiny, lineitem] or [t]. */
  Optional<Table> table(List<String> path);

  /** Names of the schemas directly inside {@code schemaPath} ([] is the root). */
  List<String> schemaNames(List<String> schemaPath);

  /** Names of the tables directly inside {@code schemaPath} ([] is the root). */
  List<String> tableNames(List<String> schemaPath);
}
