package dev.ember.bench;

import dev.ember.datasources.tpch.TpchQueries;

/** The 22 TPC-H query texts (DuckDB's wording, shared with the tests), without the trailing ';'. */
public final class TpchQueryTexts {
  private TpchQueryTexts() {}

  public static String text(int q) {
    String sql = TpchQueries.text(q).strip();
    return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
  }
}
