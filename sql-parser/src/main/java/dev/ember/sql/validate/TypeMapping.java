package dev.ember.sql.validate;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Converts between Ember's {@link DataType}s and Calcite's {@link RelDataType}s. Calcite's CHAR
 * becomes VARCHAR (Ember has no fixed-length strings); ARRAY maps to ARRAY with nullable elements;
 * TIME, MAP, MULTISET and other types Ember does not have are rejected as not supported.
 */
public final class TypeMapping {
  private TypeMapping() {}

  /** The Ember type of a Calcite type; nullability is carried separately. */
  public static DataType toEmber(RelDataType t) {
    SqlTypeName n = t.getSqlTypeName();
    return switch (n) {
      case BOOLEAN -> DataType.BOOLEAN;
      case TINYINT -> DataType.TINYINT;
      case SMALLINT -> DataType.SMALLINT;
      case INTEGER -> DataType.INT;
      case BIGINT -> DataType.BIGINT;
      case REAL -> DataType.FLOAT;
      case FLOAT, DOUBLE -> DataType.DOUBLE;
      case DECIMAL -> decimal(t);
      case CHAR, VARCHAR -> DataType.VARCHAR;
      case BINARY, VARBINARY -> DataType.VARBINARY;
      case DATE -> DataType.DATE;
      case TIMESTAMP -> DataType.TIMESTAMP;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> DataType.TIMESTAMP_TZ;
      case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> DataType.INTERVAL_YEAR_MONTH;
      case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
          INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
          INTERVAL_SECOND -> DataType.INTERVAL_DAY_TIME;
      case NULL -> DataType.NULL;
      case ARRAY -> DataType.array(toEmber(t.getComponentType()));
      default -> throw EmberException.notSupported("type " + t.getFullTypeString());
    };
  }

  private static DataType decimal(RelDataType t) {
    int precision = Math.min(Math.max(t.getPrecision(), 1), DataType.MAX_DECIMAL_PRECISION);
    int scale = t.getScale();
    if (scale < 0 || scale > precision) throw EmberException.notSupported("type " + t.getFullTypeString());
    return DataType.decimal(precision, scale);
  }

  /** The Calcite type of an Ember type. */
  public static RelDataType toCalcite(RelDataTypeFactory f, DataType t, boolean nullable) {
    RelDataType base = switch (t.id()) {
      case NULL -> f.createSqlType(SqlTypeName.NULL);
      case BOOLEAN -> f.createSqlType(SqlTypeName.BOOLEAN);
      case TINYINT -> f.createSqlType(SqlTypeName.TINYINT);
      case SMALLINT -> f.createSqlType(SqlTypeName.SMALLINT);
      case INT -> f.createSqlType(SqlTypeName.INTEGER);
      case BIGINT -> f.createSqlType(SqlTypeName.BIGINT);
      case FLOAT -> f.createSqlType(SqlTypeName.REAL);
      case DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
      case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, t.precision(), t.scale());
      case DATE -> f.createSqlType(SqlTypeName.DATE);
      case TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP, EmberTypeSystem.TIMESTAMP_PRECISION);
      case TIMESTAMP_TZ -> f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, EmberTypeSystem.TIMESTAMP_PRECISION);
      case VARCHAR -> f.createTypeWithCharsetAndCollation(f.createSqlType(SqlTypeName.VARCHAR),
          StandardCharsets.UTF_8, SqlCollation.IMPLICIT);
      case VARBINARY -> f.createSqlType(SqlTypeName.VARBINARY);
      case INTERVAL_YEAR_MONTH -> f.createSqlIntervalType(
          new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, SqlParserPos.ZERO));
      case INTERVAL_DAY_TIME -> f.createSqlIntervalType(
          new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
      // elements may be NULL: collect_list skips them, but arrays from elsewhere can hold them
      case ARRAY -> f.createArrayType(toCalcite(f, t.elementType(), true), -1);
    };
    return f.createTypeWithNullability(base, nullable);
  }

  /** The row type of a table with this schema, keeping each column's nullability. */
  public static RelDataType rowType(RelDataTypeFactory f, Schema schema) {
    List<String> names = new ArrayList<>(schema.size());
    List<RelDataType> types = new ArrayList<>(schema.size());
    for (Field field : schema.fields()) {
      names.add(field.name());
      types.add(toCalcite(f, field.type(), field.nullable()));
    }
    return f.createStructType(types, names);
  }
}
