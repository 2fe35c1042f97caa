package dev.ember.server.pgwire;

import dev.ember.catalyst.types.DataType;

/**
 * A PostgreSQL type as clients see it: OID, name, length ({@code typlen}, -1 for variable) and
 * the {@code typmod} that carries a numeric's precision and scale. Ember's types map one way onto
 * these; TINYINT widens to int2 because PostgreSQL has no one-byte integer.
 */
public enum PgType {
  BOOL(16, "bool", "boolean", 1),
  BYTEA(17, "bytea", "bytea", -1),
  INT8(20, "int8", "bigint", 8),
  INT2(21, "int2", "smallint", 2),
  INT4(23, "int4", "integer", 4),
  TEXT(25, "text", "text", -1),
  OID(26, "oid", "oid", 4),
  FLOAT4(700, "float4", "real", 4),
  FLOAT8(701, "float8", "double precision", 8),
  UNKNOWN(705, "unknown", "unknown", -2),
  VARCHAR(1043, "varchar", "character varying", -1),
  DATE(1082, "date", "date", 4),
  TIMESTAMP(1114, "timestamp", "timestamp without time zone", 8),
  TIMESTAMPTZ(1184, "timestamptz", "timestamp with time zone", 8),
  INTERVAL(1186, "interval", "interval", 16),
  NUMERIC(1700, "numeric", "numeric", -1);

  private final int oid;
  private final String name;
  private final String sqlName;
  private final int length;

  PgType(int oid, String name, String sqlName, int length) {
    this.oid = oid;
    this.name = name;
    this.sqlName = sqlName;
    this.length = length;
  }

  public int oid() { return oid; }

  /** The name in {@code pg_type.typname}. */
  public String typname() { return name; }

  /** The name {@code format_type} prints, without modifiers. */
  public String sqlName() { return sqlName; }

  public int length() { return length; }

  /** The PostgreSQL type that carries values of {@code t}. */
  public static PgType of(DataType t) {
    return switch (t.id()) {
      case BOOLEAN -> BOOL;
      case TINYINT, SMALLINT -> INT2;
      case INT -> INT4;
      case BIGINT -> INT8;
      case FLOAT -> FLOAT4;
      case DOUBLE -> FLOAT8;
      case DECIMAL -> NUMERIC;
      case DATE -> DATE;
      case TIMESTAMP -> TIMESTAMP;
      case TIMESTAMP_TZ -> TIMESTAMPTZ;
      case VARCHAR -> VARCHAR;
      case VARBINARY -> BYTEA;
      case INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME -> INTERVAL;
      case NULL -> TEXT;
    };
  }

  /** The type of {@code oid}, or null when Ember does not know it. */
  public static PgType byOid(int oid) {
    for (PgType t : values()) if (t.oid == oid) return t;
    return null;
  }

  /** The {@code atttypmod} of a column of {@code t}: numeric's (precision, scale), else -1. */
  public static int typmod(DataType t) {
    return t.isDecimal() ? ((t.precision() << 16) | t.scale()) + 4 : -1;
  }

  /** What {@code format_type(oid, typmod)} prints for a column of {@code t}. */
  public static String formatType(DataType t) {
    PgType p = of(t);
    return t.isDecimal() ? "numeric(" + t.precision() + "," + t.scale() + ")" : p.sqlName;
  }
}
