package dev.ember.datasources.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The 22 TPC-H queries with the specification's validation parameters, in two wordings: the
 * specification's standard text (date arithmetic with intervals), and DuckDB's wording (the same
 * queries with the date arithmetic folded into literals), which both engines accept and which the
 * DuckDB comparisons and benchmarks use. Table names are unqualified.
 */
public final class TpchQueries {
  public static final int COUNT = 22;

  private TpchQueries() {}

  /** Query {@code number} (1–22) as DuckDB's tpch extension words it, with its trailing ';'. */
  public static String text(int number) { return read("queries", number); }

  /** Query {@code number} (1–22) in the specification's standard text. */
  public static String standardText(int number) { return read("standard", number); }

  /** "q01" … "q22". */
  public static String name(int number) { return String.format("q%02d", number); }

  private static String read(String dir, int number) {
    if (number < 1 || number > COUNT) throw new IllegalArgumentException("no TPC-H query " + number);
    String resource = dir + "/" + name(number) + ".sql";
    try (InputStream in = TpchQueries.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }
}
