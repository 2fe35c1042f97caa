package dev.ember.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code CREATE [OR REPLACE] [TEMPORARY|TEMP] VIEW name AS <query>}. The query has been validated
 * now; {@code queryText} is kept so the view can be expanded afresh wherever it is referenced.
 */
public record CreateView(List<String> name, boolean orReplace, boolean temporary, String queryText,
    Query query) implements Statement {
  public CreateView {
    name = List.copyOf(name);
    requireNonNull(queryText);
    requireNonNull(query);
  }
}
