package dev.ember.server.pgwire;

import java.util.Iterator;
import java.util.List;

/** A small result computed by the server itself (SHOW, catalog queries, command tags). */
final class LocalRows implements RowStream {
  private final List<ResultColumn> columns;
  private final Iterator<Object[]> rows;
  private final String tag;
  private final boolean hasRows;

  private LocalRows(List<ResultColumn> columns, List<Object[]> rows, String tag, boolean hasRows) {
    this.columns = columns;
    this.rows = rows.iterator();
    this.tag = tag;
    this.hasRows = hasRows;
  }

  static LocalRows of(List<ResultColumn> columns, List<Object[]> rows) { return new LocalRows(columns, rows, null, true); }

  /** A statement without a result set, completing with {@code tag}. */
  static LocalRows command(String tag) { return new LocalRows(List.of(), List.of(), tag, false); }

  @Override public boolean hasRows() { return hasRows; }

  @Override public List<ResultColumn> columns() { return columns; }

  @Override public Object[] next() { return rows.hasNext() ? rows.next() : null; }

  @Override public String tag(long rows) { return tag != null ? tag : "SELECT " + rows; }

  @Override public void close() { }
}
