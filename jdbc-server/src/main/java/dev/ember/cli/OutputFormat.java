package dev.ember.cli;

import java.io.PrintStream;
import java.util.Locale;

/** How results are written: for people ({@link #TABLE}) or for programs (CSV, JSON). */
public enum OutputFormat {
  TABLE, CSV, JSON;

  /** The format named {@code name} (case-insensitive); fails with the accepted names. */
  public static OutputFormat parse(String name) {
    for (OutputFormat f : values()) {
      if (f.name().equalsIgnoreCase(name)) return f;
    }
    throw new IllegalArgumentException("unknown format '" + name + "' (expected table, csv or json)");
  }

  /** A printer of this format writing to {@code out}. */
  public ResultPrinter printer(PrintStream out, PrintSettings settings) {
    return switch (this) {
      case TABLE -> new TablePrinter(out, settings);
      case CSV -> new CsvPrinter(out, settings);
      case JSON -> new JsonPrinter(out, settings);
    };
  }

  @Override public String toString() { return name().toLowerCase(Locale.ROOT); }
}
