package dev.ember.catalyst.types;

/** The kinds of values Ember knows. {@link DataType} adds precision and scale where they apply. */
public enum TypeId {
  /** The type of an untyped NULL literal. */
  NULL,
  BOOLEAN,
  TINYINT,
  SMALLINT,
  INT,
  BIGINT,
  FLOAT,
  DOUBLE,
  /** DECIMAL(p, s): a {@code long} unscaled value when p ≤ 18, a {@code BigDecimal} otherwise. */
  DECIMAL,
  /** Days since 1970-01-01, an {@code int}. */
  DATE,
  /** Microseconds since 1970-01-01 00:00:00 without a time zone, a {@code long}. */
  TIMESTAMP,
  /** Microseconds since the epoch in UTC, a {@code long}. */
  TIMESTAMP_TZ,
  /** UTF-8 text, a {@link Utf8String}. */
  VARCHAR,
  /** Bytes, a {@code byte[]}. */
  VARBINARY,
  /** A number of months, an {@code int}. */
  INTERVAL_YEAR_MONTH,
  /** A number of microseconds, a {@code long}. */
  INTERVAL_DAY_TIME,
  /**
   * A list of values of one element type ({@link DataType#elementType()}), a
   * {@code java.util.List} of the elements' boxed values (null elements allowed).
   */
  ARRAY
}
