package dev.ember.datasources.parquet;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Maps a Parquet footer schema to Ember columns.
 *
 * <pre>
 * BOOLEAN                      BOOLEAN        INT64 TIMESTAMP(unit, utc)  TIMESTAMP_TZ
 * INT32 [INT(32)]              INT            INT64 TIMESTAMP(unit, local) TIMESTAMP
 * INT32 INT(8) / INT(16)       TINYINT/SMALLINT   INT96                  TIMESTAMP
 * INT32 UINT(8)/(16)/(32)      SMALLINT/INT/BIGINT  FLOAT / DOUBLE        FLOAT / DOUBLE
 * INT64 [INT(64)]              BIGINT         BINARY STRING/ENUM/JSON    VARCHAR
 * INT64 UINT(64)               DECIMAL(20,0)  BINARY, FIXED, BSON        VARBINARY
 * INT32 DATE                   DATE           DECIMAL(p,s) on INT32, INT64, FIXED, BINARY
 * </pre>
 * LIST groups and repeated fields of these become ARRAY columns ({@link ParquetListSchemas}).
 * Structs, maps, TIME, INTERVAL, UUID and FLOAT16 are not supported yet: a file with one is
 * rejected with the column's name rather than read partially.
 */
final class ParquetSchemas {
  private ParquetSchemas() {}

  static List<ParquetColumn> columns(MessageType schema, String path) {
    List<ParquetColumn> out = new ArrayList<>();
    for (Type t : schema.getFields()) {
      if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
        out.add(ParquetListSchemas.column(t, path));
        continue;
      }
      PrimitiveType p = t.asPrimitiveType();
      Conversion c = conversion(p, path);
      out.add(ParquetColumn.flat(p, emberType(p, c), c));
    }
    return out;
  }

  static Conversion conversion(PrimitiveType p, String path) {
    LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
    switch (p.getPrimitiveTypeName()) {
      case BOOLEAN:
        return Conversion.BOOLEAN;
      case INT32:
        if (logical == null) return Conversion.INT32;
        if (logical instanceof DecimalLogicalTypeAnnotation) return Conversion.DECIMAL_INT32;
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) return Conversion.DATE;
        if (logical instanceof IntLogicalTypeAnnotation i) {
          if (i.isSigned()) {
            return i.getBitWidth() == 8 ? Conversion.INT32_TO_TINYINT
                : i.getBitWidth() == 16 ? Conversion.INT32_TO_SMALLINT : Conversion.INT32;
          }
          return i.getBitWidth() == 8 ? Conversion.INT32_TO_SMALLINT
              : i.getBitWidth() == 16 ? Conversion.INT32 : Conversion.UINT32_TO_BIGINT;
        }
        break;
      case INT64:
        if (logical == null) return Conversion.INT64;
        if (logical instanceof DecimalLogicalTypeAnnotation) return Conversion.DECIMAL_INT64;
        if (logical instanceof IntLogicalTypeAnnotation i) {
          return i.isSigned() ? Conversion.INT64 : Conversion.UINT64_TO_DECIMAL;
        }
        if (logical instanceof TimestampLogicalTypeAnnotation ts) {
          return switch (ts.getUnit()) {
            case MILLIS -> Conversion.TIMESTAMP_MILLIS;
            case MICROS -> Conversion.TIMESTAMP_MICROS;
            case NANOS -> Conversion.TIMESTAMP_NANOS;
          };
        }
        break;
      case INT96:
        return Conversion.INT96_TIMESTAMP;
      case FLOAT:
        if (logical == null) return Conversion.FLOAT;
        break;
      case DOUBLE:
        if (logical == null) return Conversion.DOUBLE;
        break;
      case BINARY:
      case FIXED_LEN_BYTE_ARRAY:
        if (logical == null || logical instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation) {
          return Conversion.BYTES;
        }
        if (logical instanceof DecimalLogicalTypeAnnotation) return Conversion.DECIMAL_BYTES;
        if (p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY
            && (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation)) {
          return Conversion.STRING;
        }
        break;
      default:
        break;
    }
    throw EmberException.notSupported("Parquet column '" + p.getName() + "' of type " + p + " in " + path);
  }

  static DataType emberType(PrimitiveType p, Conversion c) {
    return switch (c) {
      case BOOLEAN -> DataType.BOOLEAN;
      case INT32 -> DataType.INT;
      case INT32_TO_TINYINT -> DataType.TINYINT;
      case INT32_TO_SMALLINT -> DataType.SMALLINT;
      case UINT32_TO_BIGINT, INT64 -> DataType.BIGINT;
      case UINT64_TO_DECIMAL -> DataType.decimal(20, 0);
      case FLOAT -> DataType.FLOAT;
      case DOUBLE -> DataType.DOUBLE;
      case DATE -> DataType.DATE;
      case DECIMAL_INT32, DECIMAL_INT64, DECIMAL_BYTES -> {
        DecimalLogicalTypeAnnotation d = (DecimalLogicalTypeAnnotation) p.getLogicalTypeAnnotation();
        if (d.getPrecision() > DataType.MAX_DECIMAL_PRECISION) {
          throw EmberException.notSupported("DECIMAL(" + d.getPrecision() + "," + d.getScale()
              + ") in Parquet column '" + p.getName() + "' (at most 38 digits)");
        }
        yield DataType.decimal(d.getPrecision(), d.getScale());
      }
      case TIMESTAMP_MILLIS, TIMESTAMP_MICROS, TIMESTAMP_NANOS ->
          ((TimestampLogicalTypeAnnotation) p.getLogicalTypeAnnotation()).isAdjustedToUTC()
              ? DataType.TIMESTAMP_TZ : DataType.TIMESTAMP;
      case INT96_TIMESTAMP -> DataType.TIMESTAMP;
      case STRING -> DataType.VARCHAR;
      case BYTES -> DataType.VARBINARY;
    };
  }
}
