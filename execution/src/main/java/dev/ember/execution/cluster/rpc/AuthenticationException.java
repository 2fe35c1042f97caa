package dev.ember.execution.cluster.rpc;

/**
 * A connection's handshake failed: the peer refused this side's secret, or could not prove it
 * knows the secret itself. Not worth retrying: the secrets differ.
 */
public final class AuthenticationException extends RuntimeException {
  public AuthenticationException(String message) { super(message); }
}
