package dev.ember.server.pgwire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A SCRAM-SHA-256 exchange with the client side computed as RFC 5802 says. */
class ScramTest {
  private static final Scram USERS = Scram.of(Map.of("alice", "pencil"));

  @Test void rightPasswordAuthenticatesAndTheServerProvesItKnowsIt() {
    String[] result = exchange("alice", "pencil");
    assertTrue(result[0].startsWith("v="));
    assertEquals(result[1], result[0].substring(2));
  }

  @Test void wrongPasswordOrUnknownUserFailsWith28P01() {
    assertEquals(PgError.INVALID_PASSWORD, assertThrows(PgError.class, () -> exchange("alice", "pen")).sqlState());
    assertEquals(PgError.INVALID_PASSWORD, assertThrows(PgError.class, () -> exchange("bob", "pencil")).sqlState());
  }

  /** Runs the client side; returns the server-final message and the expected server signature. */
  private static String[] exchange(String user, String password) {
    Scram.Exchange ex = USERS.exchange(user);
    String clientFirstBare = "n=,r=rOprNGfwEbeRWgbNEkqO";
    ByteArrayOutputStream initial = new ByteArrayOutputStream();
    initial.writeBytes("SCRAM-SHA-256\0".getBytes(UTF_8));
    byte[] first = ("n,," + clientFirstBare).getBytes(UTF_8);
    initial.write(0);
    initial.write(0);
    initial.write(0);
    initial.write(first.length);
    initial.writeBytes(first);
    String serverFirst = ex.step(initial.toByteArray());
    Map<String, String> attrs = new java.util.HashMap<>();
    for (String p : serverFirst.split(",")) attrs.put(p.substring(0, 1), p.substring(2));
    byte[] salt = Base64.getDecoder().decode(attrs.get("s"));
    byte[] salted = Scram.saltedPassword(password, salt, Integer.parseInt(attrs.get("i")));
    byte[] clientKey = Scram.hmac(salted, "Client Key");
    String withoutProof = "c=biws,r=" + attrs.get("r");
    String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
    byte[] signature = Scram.hmac(Scram.sha256(clientKey), authMessage);
    byte[] proof = new byte[clientKey.length];
    for (int i = 0; i < proof.length; i++) proof[i] = (byte) (clientKey[i] ^ signature[i]);
    String serverFinal = ex.step((withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(UTF_8));
    String expected = Base64.getEncoder().encodeToString(Scram.hmac(Scram.hmac(salted, "Server Key"), authMessage));
    return new String[] {serverFinal, expected};
  }
}
