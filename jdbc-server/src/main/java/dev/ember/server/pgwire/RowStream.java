package dev.ember.server.pgwire;

import java.util.List;

/**
 * The outcome of one statement as the protocol sends it: a command tag, and for statements with
 * a result set its columns and rows, pulled one at a time (boxed Ember values, null for NULL).
 */
interface RowStream extends AutoCloseable {
  boolean hasRows();

  /** The result's columns (empty when {@link #hasRows()} is false). */
  List<ResultColumn> columns();

  /** The next row, or null at the end. May block while the engine computes it. */
  Object[] next();

  /** The CommandComplete tag after {@code rows} rows were sent. */
  String tag(long rows);

  @Override void close();
}
