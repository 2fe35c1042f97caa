package dev.ember.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The 22 TPC-H queries with the specification's validation parameters, as DuckDB's tpch
 * extension words them (date arithmetic already folded into date literals), read from
 * {@code tpch/queries/qNN.sql} on the test class path. Table names are unqualified.
 */
public final class TpchQueries {
  public static final int COUNT = 22;

  private TpchQueries() {}

  /** The text of query {@code number} (1–22), with its trailing ';'. */
  public static String text(int number) {
    if (number < 1 || number > COUNT) throw new IllegalArgumentException("no TPC-H query " + number);
    String resource = "tpch/queries/" + name(number) + ".sql";
    try (InputStream in = TpchQueries.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  /** "q01" … "q22". */
  public static String name(int number) {
    return String.format("q%02d", number);
  }
}
