package dev.ember.server.catalog;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.Utf8String;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The shape of one pg_catalog table, written as PostgreSQL documents it ({@code "oid oid, relname
 * name, relkind char"}), with each PostgreSQL type carried by the Ember type that holds its
 * values: {@code oid} and the other 4-byte identifiers as INT; {@code name}, {@code text},
 * {@code "char"}, arrays and expression trees as VARCHAR (arrays in PostgreSQL's text form), and
 * {@code regproc} as the function's name (what PostgreSQL prints for it).
 */
record PgTableDef(String name, Schema schema) {
  static PgTableDef of(String name, String columns) {
    List<Field> fields = new ArrayList<>();
    for (String col : columns.split(",")) {
      String[] parts = col.trim().split("\\s+");
      fields.add(new Field(parts[0], type(parts[1]), true));
    }
    return new PgTableDef(name, new Schema(fields));
  }

  private static DataType type(String pg) {
    if (pg.endsWith("[]")) return DataType.VARCHAR;
    return switch (pg) {
      case "oid", "int4", "xid", "regclass", "regtype" -> DataType.INT;
      case "int2" -> DataType.SMALLINT;
      case "int8" -> DataType.BIGINT;
      case "float4" -> DataType.FLOAT;
      case "float8" -> DataType.DOUBLE;
      case "bool" -> DataType.BOOLEAN;
      case "timestamptz" -> DataType.TIMESTAMP;
      case "name", "text", "char", "regproc", "pg_node_tree", "int2vector", "oidvector" -> DataType.VARCHAR;
      default -> throw new IllegalArgumentException("unknown pg_catalog column type " + pg);
    };
  }

  /** The table with no rows (Ember has no such objects). */
  RowsTable empty() { return new RowsTable(name, schema, List.of()); }

  /** The table whose rows {@code rows} computes when it is first scanned. */
  RowsTable with(Supplier<List<Object[]>> rows) { return new RowsTable(name, schema, rows); }

  /**
   * One row from plain Java values in column order: Strings and chars become VARCHAR, numbers the
   * column's type, so callers can write {@code row(oid, "name", 'r', 0)}.
   */
  Object[] row(Object... values) {
    if (values.length != schema.fields().size()) {
      throw new IllegalArgumentException(name + " has " + schema.fields().size() + " columns, got " + values.length);
    }
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) out[i] = value(schema.field(i).type(), values[i]);
    return out;
  }

  private static Object value(DataType t, Object v) {
    if (v == null) return null;
    if (v instanceof String s) return Utf8String.of(s);
    if (v instanceof Character c) return Utf8String.of(c.toString());
    if (v instanceof Number n) {
      return switch (t.id()) {
        case SMALLINT -> n.shortValue();
        case INT -> n.intValue();
        case BIGINT -> n.longValue();
        case FLOAT -> n.floatValue();
        case DOUBLE -> n.doubleValue();
        default -> throw new IllegalArgumentException("number for a " + t + " column");
      };
    }
    return v;
  }
}
