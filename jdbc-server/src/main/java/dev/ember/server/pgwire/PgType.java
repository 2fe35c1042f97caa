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
  NUMERIC(1700, "numeric", "numeric", -1),
  // one-dimensional arrays of the types above ({@code typname} is the element's with a leading _)
  BOOL_ARRAY(1000, "_bool", "boolean[]", -1),
  BYTEA_ARRAY(1001, "_bytea", "bytea[]", -1),
  INT2_ARRAY(1005, "_int2", "smallint[]", -1),
  INT4_ARRAY(1007, "_int4", "integer[]", -1),
  TEXT_ARRAY(1009, "_text", "text[]", -1),
  VARCHAR_ARRAY(1015, "_varchar", "character varying[]", -1),
  INT8_ARRAY(1016, "_int8", "bigint[]", -1),
  FLOAT4_ARRAY(1021, "_float4", "real[]", -1),
  FLOAT8_ARRAY(1022, "_float8", "double precision[]", -1),
  TIMESTAMP_ARRAY(1115, "_timestamp", "timestamp without time zone[]", -1),
  DATE_ARRAY(1182, "_date", "date[]", -1),
  TIMESTAMPTZ_ARRAY(1185, "_timestamptz", "timestamp with time zone[]", -1),
  INTERVAL_ARRAY(1187, "_interval", "interval[]", -1),
  NUMERIC_ARRAY(1231, "_numeric", "numeric[]", -1);

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

  /** An array type ({@code _int4}, …). */
  public boolean isArray() { return name.startsWith("_"); }

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
      case ARRAY -> arrayOf(t.elementType());
    };
  }

  /**
   * The array type whose elements are {@code element}'s PostgreSQL type; an array of arrays (no
   * PostgreSQL counterpart: its arrays are rectangular) and of NULLs travel as text.
   */
  private static PgType arrayOf(DataType element) {
    if (element.isArray()) return TEXT;
    return switch (of(element)) {
      case BOOL -> BOOL_ARRAY;
      case BYTEA -> BYTEA_ARRAY;
      case INT2 -> INT2_ARRAY;
      case INT4 -> INT4_ARRAY;
      case INT8 -> INT8_ARRAY;
      case FLOAT4 -> FLOAT4_ARRAY;
      case FLOAT8 -> FLOAT8_ARRAY;
      case VARCHAR -> VARCHAR_ARRAY;
      case DATE -> DATE_ARRAY;
      case TIMESTAMP -> TIMESTAMP_ARRAY;
      case TIMESTAMPTZ -> TIMESTAMPTZ_ARRAY;
      case INTERVAL -> INTERVAL_ARRAY;
      case NUMERIC -> NUMERIC_ARRAY;
      default -> TEXT_ARRAY;
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
    if (t.isArray() && t.elementType().isDecimal()) return formatType(t.elementType()) + "[]";
    return t.isDecimal() ? "numeric(" + t.precision() + "," + t.scale() + ")" : p.sqlName;
  }
}
