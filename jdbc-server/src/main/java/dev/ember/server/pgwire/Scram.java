package dev.ember.server.pgwire;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SCRAM-SHA-256 password authentication (RFC 5802, RFC 7677) as PostgreSQL does it, against a
 * users file of {@code user:password} lines or {@code user:SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey}
 * lines (PostgreSQL's stored form, so no password needs to be kept in clear). Blank lines and
 * lines starting with '#' are ignored. Channel binding is not offered.
 */
public final class Scram {
  private static final int ITERATIONS = 4096;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The stored verifier of one user. */
  record Verifier(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {}

  private final Map<String, Verifier> users;

  private Scram(Map<String, Verifier> users) { this.users = Map.copyOf(users); }

  /** Reads a users file. */
  public static Scram fromFile(Path file) throws IOException {
    Map<String, Verifier> users = new HashMap<>();
    List<String> lines = Files.readAllLines(file, UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      int colon = line.indexOf(':');
      if (colon <= 0) throw new IOException(file + ":" + (i + 1) + ": expected user:password");
      String user = line.substring(0, colon);
      String secret = line.substring(colon + 1);
      users.put(user, secret.startsWith("SCRAM-SHA-256$") ? parseStored(secret, file, i + 1) : verifier(secret));
    }
    return new Scram(users);
  }

  /** A verifier for users given in code (tests). */
  public static Scram of(Map<String, String> passwords) {
    Map<String, Verifier> users = new HashMap<>();
    passwords.forEach((u, p) -> users.put(u, verifier(p)));
    return new Scram(users);
  }

  private static Verifier parseStored(String s, Path file, int line) throws IOException {
    try {
      String[] parts = s.substring("SCRAM-SHA-256$".length()).split("[$:]");
      Base64.Decoder d = Base64.getDecoder();
      return new Verifier(d.decode(parts[1]), Integer.parseInt(parts[0]), d.decode(parts[2]), d.decode(parts[3]));
    } catch (RuntimeException e) {
      throw new IOException(file + ":" + line + ": malformed SCRAM-SHA-256 verifier");
    }
  }

  static Verifier verifier(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] salted = saltedPassword(password, salt, ITERATIONS);
    return new Verifier(salt, ITERATIONS, sha256(hmac(salted, "Client Key")), hmac(salted, "Server Key"));
  }

  /** Starts the exchange for {@code user} (an unknown user fails only at the end, as in PostgreSQL). */
  Exchange exchange(String user) {
    Verifier v = users.get(user);
    return new Exchange(user, v != null ? v : verifier(Base64.getEncoder().encodeToString(randomBytes())), v != null);
  }

  /** One authentication: client-first → server-first, client-final → server-final. */
  static final class Exchange {
    private final String user;
    private final Verifier verifier;
    private final boolean known;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private boolean done;

    Exchange(String user, Verifier verifier, boolean known) {
      this.user = user;
      this.verifier = verifier;
      this.known = known;
    }

    boolean done() { return done; }

    /** Consumes one client message; returns the server's reply. */
    String step(byte[] message) {
      return serverFirst == null ? first(message) : last(new String(message, UTF_8));
    }

    private String first(byte[] message) {
      // SASLInitialResponse: mechanism name, length word, client-first-message
      int nul = 0;
      while (nul < message.length && message[nul] != 0) nul++;
      String mechanism = new String(message, 0, nul, UTF_8);
      if (!mechanism.equals("SCRAM-SHA-256")) {
        throw PgError.fatal(PgError.INVALID_AUTH, "unsupported SASL mechanism " + mechanism);
      }
      int at = nul + 5;
      if (at > message.length) throw PgError.fatal(PgError.PROTOCOL_VIOLATION, "malformed SASLInitialResponse");
      String clientFirst = new String(message, at, message.length - at, UTF_8);
      if (!clientFirst.startsWith("n,") && !clientFirst.startsWith("y,")) {
        throw PgError.fatal(PgError.PROTOCOL_VIOLATION, "channel binding is not supported");
      }
      int second = clientFirst.indexOf(',', 2);
      if (second < 0) throw PgError.fatal(PgError.PROTOCOL_VIOLATION, "malformed SCRAM client-first-message");
      clientFirstBare = clientFirst.substring(second + 1);
      String clientNonce = attribute(clientFirstBare, 'r');
      nonce = clientNonce + Base64.getEncoder().encodeToString(randomBytes());
      serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt()) + ",i=" + verifier.iterations();
      return serverFirst;
    }

    private String last(String clientFinal) {
      int p = clientFinal.lastIndexOf(",p=");
      if (p < 0) throw PgError.fatal(PgError.PROTOCOL_VIOLATION, "malformed SCRAM client-final-message");
      String withoutProof = clientFinal.substring(0, p);
      if (!nonce.equals(attribute(withoutProof, 'r'))) throw failed();
      byte[] proof;
      try {
        proof = Base64.getDecoder().decode(clientFinal.substring(p + 3));
      } catch (IllegalArgumentException e) {
        throw failed();
      }
      String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
      byte[] signature = hmac(verifier.storedKey(), authMessage);
      if (proof.length != signature.length) throw failed();
      byte[] clientKey = new byte[proof.length];
      for (int i = 0; i < proof.length; i++) clientKey[i] = (byte) (proof[i] ^ signature[i]);
      if (!known || !MessageDigest.isEqual(sha256(clientKey), verifier.storedKey())) throw failed();
      done = true;
      return "v=" + Base64.getEncoder().encodeToString(hmac(verifier.serverKey(), authMessage));
    }

    private PgError failed() {
      return PgError.fatal(PgError.INVALID_PASSWORD, "password authentication failed for user \"" + user + "\"");
    }
  }

  private static String attribute(String message, char name) {
    for (String part : message.split(",")) {
      if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') return part.substring(2);
    }
    throw PgError.fatal(PgError.PROTOCOL_VIOLATION, "SCRAM message without attribute " + name);
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[18];
    RANDOM.nextBytes(b);
    return b;
  }

  static byte[] saltedPassword(String password, byte[] salt, int iterations) {
    try {
      SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
      return f.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
