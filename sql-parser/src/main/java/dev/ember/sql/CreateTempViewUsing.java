package dev.ember.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * {@code CREATE [OR REPLACE] TEMPORARY VIEW name USING provider OPTIONS (path 'p', …)}: a
 * session-scoped view over files.
 *
 * @param provider the data source, lower-case
 * @param options option keys lower-case, in the order written
 */
public record CreateTempViewUsing(List<String> name, boolean orReplace, String provider,
    Map<String, String> options) implements Statement {
  public CreateTempViewUsing {
    name = List.copyOf(name);
    requireNonNull(provider);
    options = Options.copyOf(options);
  }
}
