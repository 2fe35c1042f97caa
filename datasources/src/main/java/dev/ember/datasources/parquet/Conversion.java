package dev.ember.datasources.parquet;

/**
 * How a Parquet physical value (with its logical annotation) becomes an Ember value. One enum so
 * the vectorized decoders and the row-group statistics agree on every conversion.
 */
enum Conversion {
  BOOLEAN,
  /** INT32 as INT, and UINT(16) (already non-negative in 32 bits). */
  INT32,
  /** INT32 annotated INT(8) as TINYINT. */
  INT32_TO_TINYINT,
  /** INT32 annotated INT(16) or UINT(8) as SMALLINT. */
  INT32_TO_SMALLINT,
  /** INT32 annotated UINT(32) as BIGINT. */
  UINT32_TO_BIGINT,
  INT64,
  /** INT64 annotated UINT(64) as DECIMAL(20,0). */
  UINT64_TO_DECIMAL,
  FLOAT,
  DOUBLE,
  /** INT32 annotated DATE: days since 1970-01-01, as Ember's DATE. */
  DATE,
  DECIMAL_INT32,
  DECIMAL_INT64,
  /** FIXED_LEN_BYTE_ARRAY or BINARY decimal: big-endian two's complement unscaled value. */
  DECIMAL_BYTES,
  TIMESTAMP_MILLIS,
  TIMESTAMP_MICROS,
  TIMESTAMP_NANOS,
  /** Legacy INT96 timestamps (Impala, old Spark): nanos of day then Julian day, little-endian. */
  INT96_TIMESTAMP,
  /** BINARY annotated STRING, ENUM or JSON as VARCHAR. */
  STRING,
  /** Un-annotated BINARY or FIXED_LEN_BYTE_ARRAY (or BSON) as VARBINARY. */
  BYTES
}
