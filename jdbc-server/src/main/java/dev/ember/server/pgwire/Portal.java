package dev.ember.server.pgwire;

import java.util.List;

/**
 * A bound statement ready to run. Its outcome is opened at the first Describe or Execute and kept
 * across Execute calls with a row limit, so a result is sent in pieces (PortalSuspended between).
 */
final class Portal implements AutoCloseable {
  final String name;
  final String sql;
  final short[] resultFormats;
  RowStream stream;
  long rowsSent;
  boolean done;

  Portal(String name, String sql, short[] resultFormats) {
    this.name = name;
    this.sql = sql;
    this.resultFormats = resultFormats;
  }

  List<ResultColumn> columns() { return stream.columns(); }

  @Override public void close() {
    if (stream != null) {
      RowStream s = stream;
      stream = null;
      s.close();
    }
  }
}
