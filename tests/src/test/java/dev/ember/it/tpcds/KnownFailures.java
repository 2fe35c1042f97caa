package dev.ember.it.tpcds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one list of TPC-DS queries Ember does not answer as DuckDB does yet,
 * {@code tpcds/known_failures.txt}: one line per query, its name, whitespace, and why it fails;
 * {@code #} starts a comment.
 */
final class KnownFailures {
  static final String RESOURCE = "/tpcds/known_failures.txt";

  private KnownFailures() {}

  /** Query name to reason, in file order. */
  static Map<String, String> load() {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = KnownFailures.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing " + RESOURCE);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) continue;
        String[] parts = s.split("\\s+", 2);
        if (parts.length < 2) throw new IllegalStateException(RESOURCE + ": no reason given for " + parts[0]);
        if (out.put(parts[0], parts[1]) != null) throw new IllegalStateException(RESOURCE + ": " + parts[0] + " listed twice");
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE, e);
    }
  }
}
