package dev.ember.sql;

import dev.ember.datasources.tpch.TpchQueries;

/** The standard texts of the 22 TPC-H queries (validation parameters), kept with the tpch catalog. */
final class Tpch {
  private Tpch() {}

  static String query(int n) { return TpchQueries.standardText(n); }
}
