package dev.ember.api;

/** Spark's way to make rows for {@code createDataFrame}: {@code RowFactory.create(1, "a")}. */
public final class RowFactory {
  private RowFactory() {}

  public static Row create(Object... values) { return Row.of(values); }
}
