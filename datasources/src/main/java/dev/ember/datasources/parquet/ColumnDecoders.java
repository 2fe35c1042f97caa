package dev.ember.datasources.parquet;

import dev.ember.datasources.arrow.ArrowValues;
import java.nio.ByteBuffer;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;

/** The {@link ColumnDecoder} for each {@link Conversion}, and for lists of them ({@link ListDecoder}). */
final class ColumnDecoders {
  private ColumnDecoders() {}

  static ColumnDecoder create(ParquetColumn column) {
    if (column.isList()) return new ListDecoder(column.lists(), create(column.element()));
    Conversion c = column.conversion();
    return switch (c) {
      case BOOLEAN -> new BooleanDecoder();
      case INT32, DATE -> new IntDecoder();
      case INT32_TO_TINYINT -> new TinyIntDecoder();
      case INT32_TO_SMALLINT -> new SmallIntDecoder();
      case UINT32_TO_BIGINT -> new UnsignedIntDecoder();
      case INT64 -> new LongDecoder();
      case FLOAT -> new FloatDecoder();
      case DOUBLE -> new DoubleDecoder();
      case TIMESTAMP_MILLIS, TIMESTAMP_MICROS, TIMESTAMP_NANOS -> new TimestampDecoder(c);
      case INT96_TIMESTAMP -> new Int96Decoder();
      case DECIMAL_INT32, DECIMAL_INT64 -> column.type().isLongDecimal()
          ? new LongDecimalDecoder(c == Conversion.DECIMAL_INT32) : new GenericDecoder(column);
      case DECIMAL_BYTES -> column.type().isLongDecimal() ? new BytesLongDecimalDecoder() : new WideDecimalDecoder();
      case UINT64_TO_DECIMAL -> new GenericDecoder(column);
      case STRING, BYTES -> new BinaryDecoder();
    };
  }

  private static final class BooleanDecoder extends ColumnDecoder {
    @Override void readValue(ColumnReader r, FieldVector v, int i) {
      ((BitVector) v).set(i, r.getBoolean() ? 1 : 0);
    }

    @Override void read(ColumnReader r, int maxDef, FieldVector vector, int n) {
      BitVector v = (BitVector) vector;
      for (int i = 0; i < n; i++) {
        if (r.getCurrentDefinitionLevel() == maxDef) v.set(i, r.getBoolean() ? 1 : 0);
        r.consume();
      }
    }
  }

  private static final class IntDecoder extends ColumnDecoder {
    @Override void readValue(ColumnReader r, FieldVector v, int i) {
      if (v instanceof DateDayVector dates) dates.set(i, r.getInteger()); else ((IntVector) v).set(i, r.getInteger());
    }

    @Override void read(ColumnReader r, int maxDef, FieldVector vector, int n) {
      if (vector instanceof DateDayVector dates) {
        for (int i = 0; i < n; i++) {
          if (r.getCurrentDefinitionLevel() == maxDef) dates.set(i, r.getInteger());
          r.consume();
        }
        return;
      }
      IntVector v = (IntVector) vector;
      for (int i = 0; i < n; i++) {
        if (r.getCurrentDefinitionLevel() == maxDef) v.set(i, r.getInteger());
        r.consume();
      }
    }
  }

  private static final class TinyIntDecoder extends ColumnDecoder {
    @Override void readValue(ColumnReader r, FieldVector v, int i) {
      ((TinyIntVector) v).set(i, (byte) r.getInteger());
    }

    @Override void read(ColumnReader r, int maxDef, FieldVector vector, int n) {
      TinyIntVector v = (TinyIntVector) vector;
      for (int i = 0; i < n; i++) {
        if (r.getCurrentDefinitionLevel() == maxDef) v.set(i, (byte) r.getInteger());
        r.consume();
      }
    }
  }

  private static final class SmallIntDecoder extends ColumnDecoder {
    @Override void readValue(ColumnReader r, FieldVector v, int i) {
      ((SmallIntVector) v).set(i, (short) r.getInteger());
    }

    @Override void read(ColumnReader r, int maxDef, FieldVector vector, int n) {
      SmallIntVector v = (SmallIntVector) vector;
      for (int i = 0; i < n; i++) {
        if (r.getCurrentDefinitionLevel() == maxDef) v.set(i, (short) r.getInteger());
        r.consume();
      }
    }
  }

  private static final class UnsignedIntDecoder extends ColumnDecoder {
    @Override void readValue(ColumnReader r, FieldVector v, int i) {
      ((BigIntVector) v).set(i, Integer.toUnsignedLong(r.getInteger()));
    }

    @Override void read(ColumnReader r, int maxDef, FieldVector vector, int n) {
      BigIntVector v = (BigIntVector) vector;
      for (int i = 0; i < n; i++) {
        if (r.getCurrentDefinitionLevel() == maxDef) v.set(i, Integer.toUnsignedLong(r.getInteger()));
        r.consume();
      }
    }
  }

  private static final class LongDecoder extends ColumnDecoder {
    @Override void readValue(ColumnReader r, FieldVector v, int i) {
      ((BigIntVector) v).set(i, r.getLong());
    }

    @Override void read(ColumnReader r, int maxDef, FieldVector vector, int n) {
      BigIntVector v = (BigIntVector) vector;
      for (int i = 0; i < n; i++) {
        if (r.getCurrentDefinitionLevel() == maxDef) v.set(i, r.getLong());
        r.consume();
      }
    }
  }

  private static final class FloatDecoder extends ColumnDecoder {
    @Override void readValue(ColumnReader r, FieldVector v, int i) {
      ((Float4Vector) v).set(i, r.getFloat());
    }

    @Override void read(ColumnReader r, int maxDef, FieldVector vector, int n) {
      Float4Vector v = (Float4Vector) vector;
      for (int i = 0; i < n; i++) {
        if (r.getCurrentDefinitionLevel() == maxDef) v.set(i, r.getFloat());
        r.consume();
      }
    }
  }

  private static final class DoubleDecoder extends ColumnDecoder {
    @Override void readValue(ColumnReader r, FieldVector v, int i) {
      ((Float8Vector) v).set(i, r.getDouble());
    }

    @Override void read(ColumnReader r, int maxDef, FieldVector vector, int n) {
      Float8Vector v = (Float8Vector) vector;
      for (int i = 0; i < n; i++) {
        if (r.getCurrentDefinitionLevel() == maxDef) v.set(i, r.getDouble());
        r.consume();
      }
    }
  }

  private static final class TimestampDecoder extends ColumnDecoder {
    private final Conversion unit;

    TimestampDecoder(Conversion unit) { this.unit = unit; }

    @Override void readValue(ColumnReader r, FieldVector v, int i) {
      ((TimeStampVector) v).set(i, ParquetValues.timestampMicros(unit, r.getLong()));
    }

    @Override void read(ColumnReader r, int maxDef, FieldVector vector, int n) {
      TimeStampVector v = (TimeStampVector) vector;
      for (int i = 0; i < n; i++) {
        if (r.getCurrentDefinitionLevel() == maxDef) {
          v.set(i, ParquetValues.timestampMicros(unit, r.getLong()));
        }
        r.consume();
      }
    }
  }

  private static final class Int96Decoder extends ColumnDecoder {
    @Override void readValue(ColumnReader r, FieldVector v, int i) {
      ((TimeStampVector) v).set(i, ParquetValues.int96Micros(r.getBinary()));
    }

    @Override void read(ColumnReader r, int maxDef, FieldVector vector, int n) {
      TimeStampVector v = (TimeStampVector) vector;
      for (int i = 0; i < n; i++) {
        if (r.getCurrentDefinitionLevel() == maxDef) v.set(i, ParquetValues.int96Micros(r.getBinary()));
        r.consume();
      }
    }
  }

  /** DECIMAL(p ≤ 18) stored as INT32 or INT64: the unscaled value as it is. */
  private static final class LongDecimalDecoder extends ColumnDecoder {
    private final boolean int32;

    LongDecimalDecoder(boolean int32) { this.int32 = int32; }

    @Override void readValue(ColumnReader r, FieldVector v, int i) {
      ArrowValues.setLongDecimal((DecimalVector) v, i, int32 ? r.getInteger() : r.getLong());
    }

    @Override void read(ColumnReader r, int maxDef, FieldVector vector, int n) {
      DecimalVector v = (DecimalVector) vector;
      for (int i = 0; i < n; i++) {
        if (r.getCurrentDefinitionLevel() == maxDef) {
          ArrowValues.setLongDecimal(v, i, int32 ? r.getInteger() : r.getLong());
        }
        r.consume();
      }
    }
  }

  /** DECIMAL(p ≤ 18) stored as big-endian bytes. */
  private static final class BytesLongDecimalDecoder extends ColumnDecoder {
    @Override void readValue(ColumnReader r, FieldVector v, int i) {
      ArrowValues.setLongDecimal((DecimalVector) v, i, ParquetValues.unscaledLong(r.getBinary()));
    }

    @Override void read(ColumnReader r, int maxDef, FieldVector vector, int n) {
      DecimalVector v = (DecimalVector) vector;
      for (int i = 0; i < n; i++) {
        if (r.getCurrentDefinitionLevel() == maxDef) {
          ArrowValues.setLongDecimal(v, i, ParquetValues.unscaledLong(r.getBinary()));
        }
        r.consume();
      }
    }
  }

  /** DECIMAL(p > 18) stored as big-endian bytes (at most 16 of them for 38 digits). */
  private static final class WideDecimalDecoder extends ColumnDecoder {
    @Override void readValue(ColumnReader r, FieldVector v, int i) {
      ((DecimalVector) v).setBigEndian(i, r.getBinary().getBytesUnsafe());
    }

    @Override void read(ColumnReader r, int maxDef, FieldVector vector, int n) {
      DecimalVector v = (DecimalVector) vector;
      for (int i = 0; i < n; i++) {
        if (r.getCurrentDefinitionLevel() == maxDef) v.setBigEndian(i, r.getBinary().getBytesUnsafe());
        r.consume();
      }
    }
  }

  /** STRING and BYTES: copies each value's bytes from the page (or dictionary) buffer. */
  private static final class BinaryDecoder extends ColumnDecoder {
    @Override void readValue(ColumnReader r, FieldVector v, int i) {
      ByteBuffer bytes = r.getBinary().toByteBuffer();
      ((BaseVariableWidthVector) v).setSafe(i, bytes, bytes.position(), bytes.remaining());
    }

    @Override void read(ColumnReader r, int maxDef, FieldVector vector, int n) {
      BaseVariableWidthVector v = (BaseVariableWidthVector) vector;
      for (int i = 0; i < n; i++) {
        if (r.getCurrentDefinitionLevel() == maxDef) {
          Binary b = r.getBinary();
          ByteBuffer bytes = b.toByteBuffer();
          v.setSafe(i, bytes, bytes.position(), bytes.remaining());
        }
        r.consume();
      }
    }
  }

  /** Rare conversions (unsigned 64-bit, over-wide INT decimals) through the boxed path. */
  private static final class GenericDecoder extends ColumnDecoder {
    private final ParquetColumn column;

    GenericDecoder(ParquetColumn column) { this.column = column; }

    @Override void readValue(ColumnReader r, FieldVector v, int i) {
      Object raw = switch (column.parquetType().getPrimitiveTypeName()) {
        case INT32 -> (Object) r.getInteger();
        case INT64 -> (Object) r.getLong();
        default -> (Object) r.getBinary();
      };
      ArrowValues.set(v, i, column.type(), ParquetValues.emberValue(column.conversion(), column.type(), raw));
    }

    @Override void read(ColumnReader r, int maxDef, FieldVector vector, int n) {
      for (int i = 0; i < n; i++) {
        if (r.getCurrentDefinitionLevel() == maxDef) {
          Object raw = switch (column.parquetType().getPrimitiveTypeName()) {
            case INT32 -> (Object) r.getInteger();
            case INT64 -> (Object) r.getLong();
            default -> (Object) r.getBinary();
          };
          ArrowValues.set(vector, i, column.type(), ParquetValues.emberValue(column.conversion(), column.type(), raw));
        }
        r.consume();
      }
    }
  }
}
