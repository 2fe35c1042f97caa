package dev.ember.server.pgwire;

import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.cli.StatementSplitter;
import io.netty.buffer.ByteBuf;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The protocol state of one connection, used only on its worker thread: authentication, the
 * session, prepared statements and portals, the transaction status, and the simple and extended
 * query flows. Output collects in one buffer that is flushed at ReadyForQuery, Flush, and every
 * ~64 KB while a result streams.
 */
final class ProtocolState implements AutoCloseable {
  private static final int FLUSH_BYTES = 64 * 1024;

  private final PgConnection conn;
  private final ServerContext server;
  private final ClientSettings settings;
  private final Map<String, String> startupParams;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final Map<String, Portal> portals = new HashMap<>();
  private Scram.Exchange scram;
  private boolean authenticated;
  private Session session;
  private StatementRouter router;
  private char tx = 'I';
  private boolean skipUntilSync;
  private ByteBuf out;
  private int pid;
  private int secret;
  /** The text of the statement being handled, for error positions. */
  private String currentSql;

  ProtocolState(PgConnection conn, ServerContext server, String user, String database, Map<String, String> params) {
    this.conn = conn;
    this.server = server;
    this.settings = new ClientSettings(user, database);
    this.startupParams = params;
    this.out = conn.channel().alloc().buffer();
  }

  /** After the start-up packet: authenticate (SCRAM) or accept at once (trust). */
  void start(int pid, int secret) {
    this.pid = pid;
    this.secret = secret;
    settings.processId(pid);
    if (server.scram() == null) {
      accept();
    } else {
      scram = server.scram().exchange(settings.get("user"));
      Backend.authSasl(out);
      flush();
    }
  }

  private void accept() {
    authenticated = true;
    session = conn.openSession();
    server.catalog().attach(session, settings);
    router = new StatementRouter(session, settings, server.catalog());
    for (Map.Entry<String, String> e : startupParams.entrySet()) {
      if (!e.getKey().equals("user") && !e.getKey().equals("database") && !e.getKey().equals("options")
          && !e.getKey().equals("replication")) {
        settings.set(e.getKey(), e.getValue());
      }
    }
    Backend.authOk(out);
    for (String name : ClientSettings.REPORTED) Backend.parameterStatus(out, name, settings.get(name));
    Backend.backendKeyData(out, pid, secret);
    Backend.readyForQuery(out, tx);
    flush();
  }

  void handle(Frontend m) {
    if (!authenticated) {
      authenticate(m);
      return;
    }
    if (m instanceof Frontend.Terminate) {
      conn.channel().close();
      return;
    }
    if (m instanceof Frontend.Sync) {
      sync();
      return;
    }
    if (skipUntilSync) return;
    try {
      if (m instanceof Frontend.Query q) simpleQuery(q.sql());
      else if (m instanceof Frontend.Parse p) parse(p);
      else if (m instanceof Frontend.Bind b) bind(b);
      else if (m instanceof Frontend.Describe d) describe(d);
      else if (m instanceof Frontend.Execute e) execute(e);
      else if (m instanceof Frontend.Close c) close(c);
      else if (m instanceof Frontend.Flush) flush();
      else if (m instanceof Frontend.Password) throw new PgError(PgError.PROTOCOL_VIOLATION, "unexpected password message");
      else if (m instanceof Frontend.Unsupported u) throw new PgError(EmberException.FEATURE_NOT_SUPPORTED,
          "not supported: protocol message '" + u.type() + "' (COPY and function calls)");
      else throw new PgError(PgError.PROTOCOL_VIOLATION, "unexpected message " + m.getClass().getSimpleName());
    } catch (RuntimeException e) {
      skipUntilSync = true;
      error(e, currentSql == null ? null : dev.ember.cli.Statement.of(currentSql), currentSql);
      flush();
    }
  }

  private void authenticate(Frontend m) {
    if (!(m instanceof Frontend.Password p)) {
      throw PgError.fatal(PgError.PROTOCOL_VIOLATION, "expected a password (SASL) message");
    }
    String reply = scram.step(p.data());
    if (scram.done()) {
      Backend.authSaslData(out, 12, reply);
      accept();
    } else {
      Backend.authSaslData(out, 11, reply);
      flush();
    }
  }

  // ---- simple query --------------------------------------------------------------------------

  private void simpleQuery(String text) {
    currentSql = null;
    List<dev.ember.cli.Statement> parts = StatementSplitter.splitScript(text);
    if (parts.isEmpty()) {
      Backend.emptyQueryResponse(out);
    }
    for (dev.ember.cli.Statement st : parts) {
      try {
        runSimple(st.sql());
      } catch (RuntimeException e) {
        error(e, st, text);
        break;
      }
    }
    Backend.readyForQuery(out, tx);
    flush();
    if (tx == 'I') closePortals();
  }

  private void runSimple(String sql) {
    conn.beginStatement();
    String tag = transaction(sql);
    if (tag != null) {
      Backend.commandComplete(out, tag);
      return;
    }
    RowStream s = router.run(sql);
    boolean finished = false;
    try {
      reportSettings();
      if (s.hasRows()) {
        Backend.rowDescription(out, s.columns(), null);
        long n = stream(s, s.columns(), null, 0);
        Backend.commandComplete(out, s.tag(n));
      } else {
        Backend.commandComplete(out, s.tag(0));
      }
      finished = true;
    } finally {
      if (finished) s.close();
      else Portal.closeInBackground(s);
    }
  }

  // ---- extended query ------------------------------------------------------------------------

  private void parse(Frontend.Parse p) {
    currentSql = p.sql();
    if (!p.name().isEmpty() && statements.containsKey(p.name())) {
      throw new PgError("42P05", "prepared statement \"" + p.name() + "\" already exists");
    }
    statements.put(p.name(), PreparedStatement.parse(p.name(), p.sql(), p.paramOids()));
    Backend.parseComplete(out);
  }

  private void bind(Frontend.Bind b) {
    PreparedStatement st = statements.get(b.statement());
    if (st == null) throw new PgError(PgError.INVALID_STATEMENT, "prepared statement \"" + b.statement() + "\" does not exist");
    if (!b.portal().isEmpty() && portals.containsKey(b.portal())) {
      throw new PgError("42P03", "cursor \"" + b.portal() + "\" already exists");
    }
    Portal old = portals.remove(b.portal());
    if (old != null) old.close();
    portals.put(b.portal(), new Portal(b.portal(), st.bind(b.paramFormats(), b.params()), b.resultFormats()));
    Backend.bindComplete(out);
  }

  private void describe(Frontend.Describe d) {
    if (d.kind() == 'S') {
      PreparedStatement st = statements.get(d.name());
      if (st == null) throw new PgError(PgError.INVALID_STATEMENT, "prepared statement \"" + d.name() + "\" does not exist");
      Backend.parameterDescription(out, st.paramOids());
      List<ResultColumn> cols = isTransaction(st.sql()) || StatementSplitter.isBlank(st.sql())
          ? null : router.describe(st.withNulls());
      if (cols == null) Backend.noData(out);
      else Backend.rowDescription(out, cols, null);
      return;
    }
    Portal p = portal(d.name());
    currentSql = p.sql;
    if (isTransaction(p.sql) || StatementSplitter.isBlank(p.sql)) {
      Backend.noData(out);
      return;
    }
    open(p);
    if (p.stream.hasRows()) Backend.rowDescription(out, p.columns(), p.resultFormats);
    else Backend.noData(out);
  }

  private void execute(Frontend.Execute e) {
    Portal p = portal(e.portal());
    currentSql = p.sql;
    if (StatementSplitter.isBlank(p.sql)) {
      Backend.emptyQueryResponse(out);
      return;
    }
    String tag = p.stream == null && !p.done ? transaction(p.sql) : null;
    if (tag != null) {
      p.done = true;
      Backend.commandComplete(out, tag);
      return;
    }
    if (p.done) {
      Backend.commandComplete(out, "SELECT 0");
      return;
    }
    open(p);
    if (!p.stream.hasRows()) {
      Backend.commandComplete(out, p.stream.tag(0));
      p.done = true;
      p.close();
      return;
    }
    try {
      long n = stream(p.stream, p.columns(), p.resultFormats, e.maxRows());
      p.rowsSent += n;
      if (e.maxRows() > 0 && n == e.maxRows()) {
        Backend.portalSuspended(out);
      } else {
        Backend.commandComplete(out, p.stream.tag(p.rowsSent));
        p.done = true;
        p.close();
      }
    } catch (RuntimeException ex) {
      p.done = true;
      p.failed = true;
      throw ex;
    }
  }

  private void open(Portal p) {
    if (p.stream != null) return;
    if (p.done) throw new PgError(PgError.INVALID_CURSOR, "portal \"" + p.name + "\" has already run");
    conn.beginStatement();
    if (tx == 'E') throw abortedTransaction();
    p.stream = router.run(p.sql);
    reportSettings();
  }

  private void close(Frontend.Close c) {
    if (c.kind() == 'S') {
      statements.remove(c.name());
    } else {
      Portal p = portals.remove(c.name());
      if (p != null) p.close();
    }
    Backend.closeComplete(out);
  }

  private void sync() {
    skipUntilSync = false;
    if (tx == 'I') closePortals();
    Backend.readyForQuery(out, tx);
    flush();
  }

  private Portal portal(String name) {
    Portal p = portals.get(name);
    if (p == null) throw new PgError(PgError.INVALID_CURSOR, "portal \"" + name + "\" does not exist");
    return p;
  }

  // ---- shared --------------------------------------------------------------------------------

  /**
   * Sends up to {@code maxRows} rows (0: all) of {@code s}, flushing every ~64 KB and waiting
   * while the client is slow. Returns how many were sent.
   */
  private long stream(RowStream s, List<ResultColumn> columns, short[] formats, int maxRows) {
    return conn.interruptibly(() -> {
      long n = 0;
      try {
        while (maxRows <= 0 || n < maxRows) {
          Object[] row = s.next();
          if (row == null) break;
          DataRows.write(out, row, columns, formats);
          n++;
          if (out.readableBytes() >= FLUSH_BYTES) {
            flush();
            if (conn.cancelRequested()) throw PgConnection.canceled();
          }
        }
      } catch (EmberException e) {
        if (conn.cancelRequested()) throw PgConnection.canceled();
        throw e;
      }
      return n;
    });
  }

  /** BEGIN/COMMIT/ROLLBACK and friends: their tag after updating the status, or null. */
  private String transaction(String sql) {
    String w = SqlText.firstWord(sql);
    switch (w) {
      case "BEGIN", "START" -> {
        if (tx == 'E') throw abortedTransaction();
        if (tx == 'T') Backend.notice(out, 'N', "WARNING", "25001", "there is already a transaction in progress", 0);
        tx = 'T';
        return w.equals("BEGIN") ? "BEGIN" : "START TRANSACTION";
      }
      case "COMMIT", "END" -> {
        if (tx == 'I') Backend.notice(out, 'N', "WARNING", "25P01", "there is no transaction in progress", 0);
        String tag = tx == 'E' ? "ROLLBACK" : "COMMIT";
        tx = 'I';
        closePortals();
        return tag;
      }
      case "ROLLBACK", "ABORT" -> {
        tx = 'I';
        closePortals();
        return "ROLLBACK";
      }
      case "SAVEPOINT", "RELEASE" -> {
        if (tx == 'E') throw abortedTransaction();
        return w;
      }
      default -> {
        if (tx == 'E') throw abortedTransaction();
        return null;
      }
    }
  }

  private static boolean isTransaction(String sql) {
    return switch (SqlText.firstWord(sql)) {
      case "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE" -> true;
      default -> false;
    };
  }

  private static PgError abortedTransaction() {
    return new PgError("25P02", "current transaction is aborted, commands ignored until end of transaction block");
  }

  private void reportSettings() {
    for (StatementRouter.Report r : router.drainReports()) Backend.parameterStatus(out, r.name(), r.value());
  }

  /** Sends an ErrorResponse; an error inside a transaction block fails the block. */
  private void error(RuntimeException e, dev.ember.cli.Statement st, String text) {
    if (conn.cancelRequested() && !(e instanceof PgError)) e = PgConnection.canceled();
    PgError pe = PgError.from(e, null);
    if (e instanceof EmberException ee && ee.hasPosition() && st != null) {
      // the position inside the statement, as a position inside the whole query string
      int line = st.scriptLine(ee.line());
      pe = new PgError(pe.sqlState(), pe.getMessage(),
          PgError.position(text, line, st.scriptColumn(ee.line(), ee.column())), false);
    }
    if (tx == 'T') tx = 'E';
    Backend.error(out, pe);
    flush();
    if (pe.isFatal()) conn.channel().close();
  }

  private void closePortals() {
    for (Portal p : portals.values()) p.close();
    portals.clear();
  }

  void flush() {
    if (out.readableBytes() == 0) return;
    ByteBuf b = out;
    out = conn.channel().alloc().buffer();
    conn.send(b);
  }

  @Override public void close() {
    try {
      closePortals();
    } finally {
      if (session != null) session.close();
      out.release();
    }
  }
}
