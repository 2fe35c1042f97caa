package dev.ember.server.pgwire;

import io.netty.handler.ssl.SslContext;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every connection of one server shares: the master and settings its sessions get, how
 * clients authenticate, TLS (null when off), the catalog answerer, and the running connections by
 * process id (for CancelRequest).
 */
public final class ServerContext {
  private final String master;
  private final Map<String, String> conf;
  private final Scram scram;
  private final SslContext ssl;
  private final CatalogAnswerer catalog;
  private final Map<Integer, PgConnection> connections = new ConcurrentHashMap<>();
  private final AtomicInteger nextPid = new AtomicInteger(1000);
  private final SecureRandom random = new SecureRandom();

  /**
   * @param scram the SCRAM-SHA-256 verifier of the users file, or null for trust (loopback only)
   * @param ssl the TLS context, or null to answer SSLRequest with 'N'
   */
  public ServerContext(String master, Map<String, String> conf, Scram scram, SslContext ssl, CatalogAnswerer catalog) {
    this.master = master;
    this.conf = Map.copyOf(conf);
    this.scram = scram;
    this.ssl = ssl;
    this.catalog = catalog;
  }

  String master() { return master; }

  Map<String, String> conf() { return conf; }

  Scram scram() { return scram; }

  SslContext ssl() { return ssl; }

  CatalogAnswerer catalog() { return catalog; }

  int register(PgConnection c) {
    int pid = nextPid.incrementAndGet();
    connections.put(pid, c);
    return pid;
  }

  void unregister(int pid) { connections.remove(pid); }

  int secret() { return random.nextInt(); }

  /** Cancels what the connection {@code pid} runs, if the key matches (else silently nothing). */
  void cancel(int pid, int secret) {
    PgConnection c = connections.get(pid);
    if (c != null && c.secret() == secret) c.cancel();
  }

  /** How many connections are open (for tests and logs). */
  public int openConnections() { return connections.size(); }
}
