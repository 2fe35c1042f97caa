package dev.ember.api;

import java.util.List;

/** Starts window specifications, as Spark's {@code Window}: {@code Window.partitionBy("k").orderBy("t")}. */
public final class Window {
  private Window() {}

  public static long unboundedPreceding() { return Long.MIN_VALUE; }

  public static long unboundedFollowing() { return Long.MAX_VALUE; }

  public static long currentRow() { return 0; }

  public static WindowSpec partitionBy(String... cols) { return empty().partitionBy(cols); }

  public static WindowSpec partitionBy(Column... cols) { return empty().partitionBy(cols); }

  public static WindowSpec orderBy(String... cols) { return empty().orderBy(cols); }

  public static WindowSpec orderBy(Column... cols) { return empty().orderBy(cols); }

  private static WindowSpec empty() { return new WindowSpec(List.of(), List.of(), null); }

  static Column[] cols(String... names) {
    Column[] out = new Column[names.length];
    for (int i = 0; i < names.length; i++) out[i] = functions.col(names[i]);
    return out;
  }
}
