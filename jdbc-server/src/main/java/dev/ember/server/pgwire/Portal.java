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
  /** True when running it failed or was cancelled. */
  boolean failed;

  Portal(String name, String sql, short[] resultFormats) {
    this.name = name;
    this.sql = sql;
    this.resultFormats = resultFormats;
  }

  List<ResultColumn> columns() { return stream.columns(); }

  /**
   * Closes the outcome. A result that did not run to its end (cancelled, failed, abandoned) is
   * closed on a background thread: stopping a query waits for its running tasks to notice, and the
   * connection should not wait for that before it answers its client again.
   */
  @Override public void close() {
    if (stream != null) {
      RowStream s = stream;
      stream = null;
      if (done && !failed) {
        s.close();
      } else {
        closeInBackground(s);
      }
    }
  }

  /** Closes an unfinished outcome without waiting for its query's tasks to stop. */
  static void closeInBackground(RowStream s) { CLOSER.execute(s::close); }

  private static final java.util.concurrent.ExecutorService CLOSER = java.util.concurrent.Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "ember-pg-closer");
    t.setDaemon(true);
    return t;
  });
}
