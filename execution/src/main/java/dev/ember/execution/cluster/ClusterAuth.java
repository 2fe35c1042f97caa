package dev.ember.execution.cluster;

import dev.ember.catalyst.errors.EmberException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Which secret the driver and executors of a cluster share ({@code ember.authenticate},
 * {@code ember.authenticate.secret}): every RPC connection — executor to driver, executor to
 * another executor's block server — starts with a handshake proving both ends know it.
 *
 * <ul>
 *   <li>{@code local-cluster[E,C,M]}: on unless {@code ember.authenticate=false}; the secret is
 *       {@code ember.authenticate.secret} or a random one made for the cluster, handed to the
 *       executor processes in their environment ({@link ExecutorBackend#SECRET_ENV}), never on
 *       their command line, which any user of the host can read.</li>
 *   <li>{@code cluster://HOST:PORT}: on with {@code ember.authenticate=true}, which then needs
 *       {@code ember.authenticate.secret}; executors started by hand get the same secret in
 *       {@code EMBER_AUTHENTICATE_SECRET}.</li>
 * </ul>
 */
public final class ClusterAuth {
  public static final String ENABLED = "ember.authenticate";
  public static final String SECRET = "ember.authenticate.secret";

  private static final SecureRandom RANDOM = new SecureRandom();

  private ClusterAuth() {}

  /** The secret of a {@code local-cluster} started with these settings, or null when switched off. */
  public static String forLocalCluster(Map<String, String> conf) {
    if (!enabled(conf, true)) return null;
    String given = conf.get(SECRET);
    if (given != null && !given.isEmpty()) return given;
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The secret of a {@code cluster://} driver started with these settings, or null when switched off. */
  public static String forStandalone(Map<String, String> conf) {
    if (!enabled(conf, false)) return null;
    String given = conf.get(SECRET);
    if (given == null || given.isEmpty()) {
      throw new EmberException(EmberException.DATA_EXCEPTION, ENABLED + "=true needs " + SECRET
          + " (executors started by hand get the same secret in " + ExecutorBackend.SECRET_ENV + ")");
    }
    return given;
  }

  private static boolean enabled(Map<String, String> conf, boolean byDefault) {
    String v = conf.get(ENABLED);
    if (v == null) return byDefault;
    if (!v.trim().equalsIgnoreCase("true") && !v.trim().equalsIgnoreCase("false")) {
      throw new EmberException(EmberException.DATA_EXCEPTION, "setting " + ENABLED + " must be true or false: " + v);
    }
    return Boolean.parseBoolean(v.trim());
  }
}
