package dev.ember.it.pg;

import dev.ember.it.TpchData;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The set-up of the tests that talk to Ember's server through a stock client and check answers
 * against DuckDB: one {@link PgTestServer} for the class, and DuckDB over the TPC-H SF 0.01
 * Parquet files the server's views read.
 */
abstract class ServerAndDuckDb {
  protected static PgTestServer server;
  protected static Connection duck;

  @BeforeAll static void start() throws SQLException {
    server = PgTestServer.start();
    duck = TpchData.openDuckDbOverParquet(0.01);
  }

  @AfterAll static void stop() throws SQLException {
    if (duck != null) duck.close();
    if (server != null) server.close();
  }
}
