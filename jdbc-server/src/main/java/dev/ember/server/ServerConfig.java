package dev.ember.server;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to run the server.
 *
 * @param host the address to bind (127.0.0.1 by default: trust authentication is for loopback)
 * @param port the TCP port, 5433 by default (0 picks a free one)
 * @param master the engine's master URL for every session
 * @param conf session settings for every connection
 * @param passwordAuth true for SCRAM-SHA-256 against {@code usersFile}; false for trust (loopback only)
 * @param usersFile {@code user:password} lines (or PostgreSQL SCRAM verifiers), for password auth
 * @param tlsCert a PEM certificate chain, or null for no TLS
 * @param tlsKey the PEM (PKCS#8) private key of {@code tlsCert}
 */
public record ServerConfig(String host, int port, String master, Map<String, String> conf,
    boolean passwordAuth, Path usersFile, Path tlsCert, Path tlsKey) {
  public static final int DEFAULT_PORT = 5433;

  public ServerConfig {
    conf = Map.copyOf(new LinkedHashMap<>(conf));
    if (passwordAuth && usersFile == null) throw new IllegalArgumentException("--auth password needs --users FILE");
    if ((tlsCert == null) != (tlsKey == null)) throw new IllegalArgumentException("give both --tls-cert and --tls-key");
  }

  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", DEFAULT_PORT, "local[*]", Map.of(), false, null, null, null);
  }

  public ServerConfig withPort(int p) { return new ServerConfig(host, p, master, conf, passwordAuth, usersFile, tlsCert, tlsKey); }

  public ServerConfig withMaster(String m) { return new ServerConfig(host, port, m, conf, passwordAuth, usersFile, tlsCert, tlsKey); }

  public ServerConfig withConf(Map<String, String> c) { return new ServerConfig(host, port, master, c, passwordAuth, usersFile, tlsCert, tlsKey); }

  public ServerConfig withPasswordAuth(Path users) { return new ServerConfig(host, port, master, conf, true, users, tlsCert, tlsKey); }

  public ServerConfig withTls(Path cert, Path key) { return new ServerConfig(host, port, master, conf, passwordAuth, usersFile, cert, key); }
}
