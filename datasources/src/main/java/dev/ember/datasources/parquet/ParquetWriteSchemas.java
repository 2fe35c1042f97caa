package dev.ember.datasources.parquet;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Maps Ember columns to the Parquet schema Ember writes (the inverse of {@link ParquetSchemas}
 * for every type it can write, so a written file reads back with the same types):
 * <pre>
 * BOOLEAN   BOOLEAN                 DECIMAL(p ≤ 9)    INT32 DECIMAL(p,s)
 * TINYINT   INT32 INT(8, signed)    DECIMAL(p ≤ 18)   INT64 DECIMAL(p,s)
 * SMALLINT  INT32 INT(16, signed)   DECIMAL(p > 18)   FIXED_LEN_BYTE_ARRAY(n) DECIMAL(p,s)
 * INT       INT32                   DATE              INT32 DATE
 * BIGINT    INT64                   TIMESTAMP         INT64 TIMESTAMP(MICROS, adjustedToUTC=false)
 * FLOAT     FLOAT                   TIMESTAMP_TZ      INT64 TIMESTAMP(MICROS, adjustedToUTC=true)
 * DOUBLE    DOUBLE                  VARCHAR           BINARY STRING;  VARBINARY  BINARY
 * ARRAY&lt;T&gt;  the standard three-level LIST:
 *           &lt;repetition&gt; group name (LIST) { repeated group list { optional T element; } }
 * </pre>
 * Nullable columns are OPTIONAL, the others REQUIRED. Intervals and NULL-typed columns have no
 * Parquet form Ember reads back and are rejected before anything is written.
 */
public final class ParquetWriteSchemas {
  private ParquetWriteSchemas() {}

  public static MessageType messageType(Schema schema) {
    List<Type> fields = new ArrayList<>(schema.size());
    for (Field f : schema.fields()) fields.add(type(f));
    return new MessageType("ember_schema", fields);
  }

  /** The repeated group and the element field of a LIST, as the Parquet spec names them. */
  static final String LIST = "list";
  static final String ELEMENT = "element";

  /** Bytes of a FIXED_LEN_BYTE_ARRAY holding any unscaled value of {@code precision} digits. */
  public static int decimalBytes(int precision) {
    int bytes = 1;
    while (Math.pow(2.0, 8.0 * bytes - 1) < Math.pow(10.0, precision)) bytes++;
    return bytes;
  }

  private static Type type(Field f) {
    Type.Repetition repetition = f.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
    DataType t = f.type();
    return switch (t.id()) {
      case ARRAY -> Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
          .addField(Types.repeatedGroup().addField(type(new Field(ELEMENT, t.elementType(), true))).named(LIST))
          .named(f.name());
      case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(f.name());
      case TINYINT -> Types.primitive(PrimitiveTypeName.INT32, repetition)
          .as(LogicalTypeAnnotation.intType(8, true)).named(f.name());
      case SMALLINT -> Types.primitive(PrimitiveTypeName.INT32, repetition)
          .as(LogicalTypeAnnotation.intType(16, true)).named(f.name());
      case INT -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(f.name());
      case BIGINT -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(f.name());
      case FLOAT -> Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(f.name());
      case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(f.name());
      case DECIMAL -> decimal(f, repetition);
      case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition)
          .as(LogicalTypeAnnotation.dateType()).named(f.name());
      case TIMESTAMP, TIMESTAMP_TZ -> Types.primitive(PrimitiveTypeName.INT64, repetition)
          .as(LogicalTypeAnnotation.timestampType(t.id() == dev.ember.catalyst.types.TypeId.TIMESTAMP_TZ,
              LogicalTypeAnnotation.TimeUnit.MICROS)).named(f.name());
      case VARCHAR -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
          .as(LogicalTypeAnnotation.stringType()).named(f.name());
      case VARBINARY -> Types.primitive(PrimitiveTypeName.BINARY, repetition).named(f.name());
      case NULL, INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME ->
          throw EmberException.notSupported("writing column '" + f.name() + "' of type " + t.sql() + " to Parquet");
    };
  }

  private static Type decimal(Field f, Type.Repetition repetition) {
    DataType t = f.type();
    LogicalTypeAnnotation a = LogicalTypeAnnotation.decimalType(t.scale(), t.precision());
    if (t.precision() <= 9) return Types.primitive(PrimitiveTypeName.INT32, repetition).as(a).named(f.name());
    if (t.precision() <= 18) return Types.primitive(PrimitiveTypeName.INT64, repetition).as(a).named(f.name());
    return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
        .length(decimalBytes(t.precision())).as(a).named(f.name());
  }
}
