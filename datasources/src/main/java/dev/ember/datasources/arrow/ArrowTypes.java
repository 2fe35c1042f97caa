package dev.ember.datasources.arrow;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Ember's mapping between its data types and Arrow's, used wherever data meets Arrow vectors.
 *
 * <pre>
 * BOOLEAN  Bool (BitVector)              DECIMAL(p,s)  Decimal(p,s,128) (DecimalVector)
 * TINYINT  Int(8)  (TinyIntVector)       DATE          Date(DAY) (DateDayVector)
 * SMALLINT Int(16) (SmallIntVector)      TIMESTAMP     Timestamp(MICRO) (TimeStampMicroVector)
 * INT      Int(32) (IntVector)           TIMESTAMP_TZ  Timestamp(MICRO, "UTC") (TimeStampMicroTZVector)
 * BIGINT   Int(64) (BigIntVector)        VARCHAR       Utf8 (VarCharVector)
 * FLOAT    FloatingPoint(SINGLE)         VARBINARY     Binary (VarBinaryVector)
 * DOUBLE   FloatingPoint(DOUBLE)         INTERVAL_YEAR_MONTH  Interval(YEAR_MONTH)
 * NULL     Null                          INTERVAL_DAY_TIME    Duration(MICRO) (DurationVector)
 * ARRAY&lt;T&gt; List (ListVector) with one nullable child field {@code element} of T's mapping
 * </pre>
 * An ARRAY's Arrow type alone does not say its element type: build fields and vectors through
 * {@link #arrowField} / {@link #newVector} (which add the child), and read types back from fields.
 */
public final class ArrowTypes {
  private ArrowTypes() {}

  public static ArrowType arrowType(DataType t) {
    return switch (t.id()) {
      case NULL -> ArrowType.Null.INSTANCE;
      case BOOLEAN -> ArrowType.Bool.INSTANCE;
      case TINYINT -> new ArrowType.Int(8, true);
      case SMALLINT -> new ArrowType.Int(16, true);
      case INT -> new ArrowType.Int(32, true);
      case BIGINT -> new ArrowType.Int(64, true);
      case FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case DECIMAL -> new ArrowType.Decimal(t.precision(), t.scale(), 128);
      case DATE -> new ArrowType.Date(DateUnit.DAY);
      case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
      case TIMESTAMP_TZ -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
      case VARCHAR -> ArrowType.Utf8.INSTANCE;
      case VARBINARY -> ArrowType.Binary.INSTANCE;
      case INTERVAL_YEAR_MONTH -> new ArrowType.Interval(IntervalUnit.YEAR_MONTH);
      case INTERVAL_DAY_TIME -> new ArrowType.Duration(TimeUnit.MICROSECOND);
      case ARRAY -> ArrowType.List.INSTANCE;
    };
  }

  /** The Ember type of an Arrow field produced by {@link #arrowField}, lists included. */
  public static DataType emberType(org.apache.arrow.vector.types.pojo.Field f) {
    if (f.getType() instanceof ArrowType.List) {
      if (f.getChildren().size() != 1) throw new IllegalArgumentException("a list field needs one child: " + f);
      return DataType.array(emberType(f.getChildren().get(0)));
    }
    return emberType(f.getType());
  }

  /** The Arrow field of a column: for an ARRAY, with its element child. */
  public static org.apache.arrow.vector.types.pojo.Field arrowField(String name, DataType type, boolean nullable) {
    List<org.apache.arrow.vector.types.pojo.Field> children = type.isArray()
        ? List.of(arrowField(ELEMENT, type.elementType(), true)) : null;
    return new org.apache.arrow.vector.types.pojo.Field(name, new FieldType(nullable, arrowType(type), null), children);
  }

  /** The name of a list's child field (Parquet's and Spark's name for list elements). */
  public static final String ELEMENT = "element";

  /** A new, empty, nullable vector for values of {@code type}. */
  public static org.apache.arrow.vector.FieldVector newVector(String name, DataType type, BufferAllocator allocator) {
    return arrowField(name, type, true).createVector(allocator);
  }

  /** The Ember type of an Arrow type produced by {@link #arrowType}; fails for others. */
  public static DataType emberType(ArrowType a) {
    if (a instanceof ArrowType.Null) return DataType.NULL;
    if (a instanceof ArrowType.Bool) return DataType.BOOLEAN;
    if (a instanceof ArrowType.Int i && i.getIsSigned()) {
      switch (i.getBitWidth()) {
        case 8: return DataType.TINYINT;
        case 16: return DataType.SMALLINT;
        case 32: return DataType.INT;
        case 64: return DataType.BIGINT;
        default: break;
      }
    }
    if (a instanceof ArrowType.FloatingPoint f) {
      if (f.getPrecision() == FloatingPointPrecision.SINGLE) return DataType.FLOAT;
      if (f.getPrecision() == FloatingPointPrecision.DOUBLE) return DataType.DOUBLE;
    }
    if (a instanceof ArrowType.Decimal d && d.getBitWidth() == 128) return DataType.decimal(d.getPrecision(), d.getScale());
    if (a instanceof ArrowType.Date d && d.getUnit() == DateUnit.DAY) return DataType.DATE;
    if (a instanceof ArrowType.Timestamp ts && ts.getUnit() == TimeUnit.MICROSECOND) {
      return ts.getTimezone() == null ? DataType.TIMESTAMP : DataType.TIMESTAMP_TZ;
    }
    if (a instanceof ArrowType.Utf8) return DataType.VARCHAR;
    if (a instanceof ArrowType.Binary) return DataType.VARBINARY;
    if (a instanceof ArrowType.Interval iv && iv.getUnit() == IntervalUnit.YEAR_MONTH) return DataType.INTERVAL_YEAR_MONTH;
    if (a instanceof ArrowType.Duration du && du.getUnit() == TimeUnit.MICROSECOND) return DataType.INTERVAL_DAY_TIME;
    throw new IllegalArgumentException("no Ember type for Arrow type " + a);
  }

  public static org.apache.arrow.vector.types.pojo.Field arrowField(Field f) {
    return arrowField(f.name(), f.type(), f.nullable());
  }

  public static org.apache.arrow.vector.types.pojo.Schema arrowSchema(Schema s) {
    List<org.apache.arrow.vector.types.pojo.Field> fields = new ArrayList<>(s.size());
    for (Field f : s.fields()) fields.add(arrowField(f));
    return new org.apache.arrow.vector.types.pojo.Schema(fields);
  }

  public static Schema emberSchema(org.apache.arrow.vector.types.pojo.Schema s) {
    List<Field> fields = new ArrayList<>();
    for (org.apache.arrow.vector.types.pojo.Field f : s.getFields()) {
      fields.add(new Field(f.getName(), emberType(f), f.isNullable()));
    }
    return new Schema(fields);
  }

  /** An empty root (no rows, no buffers allocated yet) for {@code schema}. */
  public static VectorSchemaRoot createRoot(Schema schema, BufferAllocator allocator) {
    return VectorSchemaRoot.create(arrowSchema(schema), allocator);
  }

  /**
   * A root for {@code schema} whose vectors have room for {@code capacity} rows, as readers fill
   * a batch; closed again if an allocation fails.
   */
  public static VectorSchemaRoot allocateRoot(Schema schema, BufferAllocator allocator, int capacity) {
    VectorSchemaRoot root = createRoot(schema, allocator);
    try {
      for (org.apache.arrow.vector.FieldVector v : root.getFieldVectors()) {
        v.setInitialCapacity(capacity);
        v.allocateNew();
      }
      return root;
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }
}
