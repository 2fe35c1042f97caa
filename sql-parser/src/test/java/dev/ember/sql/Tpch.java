package dev.ember.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The standard texts of the 22 TPC-H queries (validation parameters), from test resources. */
final class Tpch {
  private Tpch() {}

  static String query(int n) {
    try (InputStream in = Tpch.class.getResourceAsStream("/tpch/q" + n + ".sql")) {
      if (in == null) throw new IllegalArgumentException("no TPC-H query " + n);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
