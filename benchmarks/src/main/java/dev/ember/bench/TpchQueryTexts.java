package dev.ember.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The 22 TPC-H query texts, resources {@code tpch/q01.sql} … {@code tpch/q22.sql} (the tests' texts). */
public final class TpchQueryTexts {
  private TpchQueryTexts() {}

  /** The text of query {@code q} without its trailing semicolon. */
  public static String text(int q) {
    String name = String.format("/tpch/q%02d.sql", q);
    try (InputStream in = TpchQueryTexts.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalArgumentException("no query resource " + name);
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
