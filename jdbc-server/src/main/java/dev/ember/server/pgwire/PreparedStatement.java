package dev.ember.server.pgwire;

/**
 * A statement created by Parse: its text and the types of its parameters (given by the client,
 * else implied by a {@code CAST($n AS type)}, else null for unknown).
 */
record PreparedStatement(String name, String sql, PgType[] paramTypes) {
  static PreparedStatement parse(String name, String sql, int[] oids) {
    int count = Math.max(SqlText.parameterCount(sql), oids.length);
    PgType[] types = new PgType[count];
    for (int i = 0; i < count; i++) {
      PgType given = i < oids.length && oids[i] != 0 ? PgType.byOid(oids[i]) : null;
      if (given == null && i < oids.length && oids[i] != 0) {
        throw new PgError("42704", "type with OID " + oids[i] + " is not supported");
      }
      types[i] = given != null ? given : SqlText.castType(sql, i + 1);
    }
    return new PreparedStatement(name, sql, types);
  }

  /** The OIDs ParameterDescription reports: unknown parameters are text. */
  int[] paramOids() {
    int[] out = new int[paramTypes.length];
    for (int i = 0; i < out.length; i++) out[i] = paramTypes[i] == null ? PgType.TEXT.oid() : paramTypes[i].oid();
    return out;
  }

  /** The text with every parameter a typed NULL: enough to learn the result's columns. */
  String withNulls() {
    String[] nulls = new String[paramTypes.length];
    for (int i = 0; i < nulls.length; i++) {
      nulls[i] = "CAST(NULL AS " + Parameters.sqlType(paramTypes[i] == null ? PgType.VARCHAR : paramTypes[i]) + ")";
    }
    return SqlText.substitute(sql, nulls);
  }

  /** The text with the bound values as literals. */
  String bind(short[] formats, byte[][] values) {
    if (values.length != paramTypes.length) {
      throw new PgError(PgError.PROTOCOL_VIOLATION, "bind message supplies " + values.length
          + " parameters, but prepared statement \"" + name + "\" requires " + paramTypes.length);
    }
    String[] literals = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      literals[i] = Parameters.literal(values[i], Formats.of(formats, i), paramTypes[i]);
    }
    return SqlText.substitute(sql, literals);
  }
}
