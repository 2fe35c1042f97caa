package dev.ember.server.pgwire;

import java.util.Map;

/** The messages a client sends (PostgreSQL protocol 3.0), as the decoder produces them. */
public sealed interface Frontend {
  /** The start-up packet: protocol 3.0 and parameters such as user, database, options. */
  record Startup(Map<String, String> parameters) implements Frontend {}

  /** A request to switch to TLS before start-up. */
  record SslRequest() implements Frontend {}

  /** A request for GSSAPI encryption, which Ember declines. */
  record GssEncRequest() implements Frontend {}

  /** Cancels the query running on the connection with this process id and secret key. */
  record CancelRequest(int processId, int secretKey) implements Frontend {}

  /** A simple-protocol query string (one or more statements). */
  record Query(String sql) implements Frontend {}

  /** Creates a prepared statement; {@code paramOids} may be shorter than the parameters used. */
  record Parse(String name, String sql, int[] paramOids) implements Frontend {}

  /** Creates a portal from a prepared statement and parameter values (null for SQL NULL). */
  record Bind(String portal, String statement, short[] paramFormats, byte[][] params, short[] resultFormats)
      implements Frontend {}

  /** Describes a statement ('S') or portal ('P'). */
  record Describe(char kind, String name) implements Frontend {}

  /** Runs a portal; {@code maxRows} 0 means all rows. */
  record Execute(String portal, int maxRows) implements Frontend {}

  /** Closes a statement ('S') or portal ('P'). */
  record Close(char kind, String name) implements Frontend {}

  record Sync() implements Frontend {}

  record Flush() implements Frontend {}

  record Terminate() implements Frontend {}

  /** A password, SASLInitialResponse or SASLResponse: their meaning depends on the auth state. */
  record Password(byte[] data) implements Frontend {}

  /** A message Ember does not implement (COPY, function calls): answered with an error. */
  record Unsupported(char type) implements Frontend {}
}
