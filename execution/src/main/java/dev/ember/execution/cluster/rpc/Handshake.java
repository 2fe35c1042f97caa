package dev.ember.execution.cluster.rpc;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mutual authentication with a shared secret ({@code ember.authenticate.secret}), the first
 * frames on every connection before any other message:
 * <pre>
 * listener  → connector   Challenge(listener nonce)         (null nonce: the listener does not authenticate)
 * connector → listener    Proof(connector nonce, HMAC(secret, "connector" · both nonces))
 * listener  → connector   Welcome(HMAC(secret, "listener" · both nonces))   or Refused(why), then close
 * </pre>
 * Both sides prove they know the secret without sending it; fresh nonces on both sides make a
 * recorded exchange useless for another connection. HMAC-SHA256, compared in constant time.
 */
final class Handshake {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int NONCE_BYTES = 32;

  record Challenge(byte[] nonce) implements Serializable {}

  record Proof(byte[] nonce, byte[] mac) implements Serializable {}

  record Welcome(byte[] mac) implements Serializable {}

  record Refused(String reason) implements Serializable {}

  private final byte[] secret;

  /** @param secret null: this side does not authenticate */
  Handshake(String secret) {
    this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
  }

  boolean enabled() { return secret != null; }

  static byte[] nonce() {
    byte[] n = new byte[NONCE_BYTES];
    RANDOM.nextBytes(n);
    return n;
  }

  /** The connector's proof for the listener's challenge {@code listenerNonce}. */
  Proof prove(byte[] listenerNonce) {
    byte[] mine = nonce();
    return new Proof(mine, mac("connector", listenerNonce, mine));
  }

  boolean checkProof(byte[] listenerNonce, Proof p) {
    return p.nonce() != null && p.mac() != null && MessageDigest.isEqual(mac("connector", listenerNonce, p.nonce()), p.mac());
  }

  Welcome welcome(byte[] listenerNonce, byte[] connectorNonce) {
    return new Welcome(mac("listener", listenerNonce, connectorNonce));
  }

  boolean checkWelcome(byte[] listenerNonce, byte[] connectorNonce, Welcome w) {
    return w.mac() != null && MessageDigest.isEqual(mac("listener", listenerNonce, connectorNonce), w.mac());
  }

  private byte[] mac(String role, byte[] a, byte[] b) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(role.getBytes(StandardCharsets.US_ASCII));
      mac.update(a);
      mac.update(b);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
