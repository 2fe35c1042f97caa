package dev.ember.datasources.tpcds;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TPC-DS scale factor and the schema name that selects it: {@code tiny} is SF 0.01, {@code sfN}
 * is SF N for any positive number N, written with {@code _} (or {@code .}) as the decimal point,
 * so {@code sf0_1} is SF 0.1 and {@code sf10} is SF 10. The same names the {@code tpch} catalog
 * uses, so the two catalogs read alike.
 */
public record TpcdsScale(String schemaName, double factor) implements java.io.Serializable {
  private static final Pattern SF = Pattern.compile("sf(\\d+)(?:[_.](\\d+))?");

  /** The scale a schema name stands for, or empty when the name is not a TPC-DS schema. */
  public static Optional<TpcdsScale> parse(String schema) {
    String s = schema.toLowerCase(Locale.ROOT);
    if (s.equals("tiny")) return Optional.of(new TpcdsScale("tiny", 0.01));
    Matcher m = SF.matcher(s);
    if (!m.matches()) return Optional.empty();
    BigDecimal value = new BigDecimal(m.group(1) + (m.group(2) == null ? "" : "." + m.group(2)));
    if (value.signum() <= 0) return Optional.empty();
    return Optional.of(new TpcdsScale(s, value.doubleValue()));
  }
}
