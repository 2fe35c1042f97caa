package dev.ember.it.tpcds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The TPC-DS query texts checked in under {@code tpcds/queries/} (see the README there): 99
 * templates, of which 14, 23, 24 and 39 have two parts (14a, 14b, …), 103 statements in all.
 */
final class TpcdsQueries {
  /** Templates with two statements. */
  static final List<Integer> TWO_PARTS = List.of(14, 23, 24, 39);
  static final int TEMPLATES = 99;

  private TpcdsQueries() {}

  /** "01" … "99" with "14a", "14b", … for the two-part templates: 103 names in order. */
  static List<String> names() {
    List<String> names = new ArrayList<>();
    for (int q = 1; q <= TEMPLATES; q++) {
      String n = String.format("%02d", q);
      if (TWO_PARTS.contains(q)) {
        names.add(n + "a");
        names.add(n + "b");
      } else {
        names.add(n);
      }
    }
    return names;
  }

  /** The template number of a query name: 14 for "14b". */
  static int template(String name) {
    return Integer.parseInt(name.replaceAll("[ab]$", ""));
  }

  static String text(String name) {
    String resource = "/tpcds/queries/" + name + ".sql";
    try (InputStream in = TpcdsQueries.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalArgumentException("no query text " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }
}
