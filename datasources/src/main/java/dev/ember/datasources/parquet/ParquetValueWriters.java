package dev.ember.datasources.parquet;

import dev.ember.catalyst.types.DataType;
import dev.ember.datasources.arrow.ArrowValues;
import org.apache.arrow.memory.ArrowBuf;
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
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Moves one non-null Arrow value into Parquet's {@link RecordConsumer} in the physical form
 * {@link ParquetWriteSchemas} chose for its Ember type.
 */
final class ParquetValueWriters {
  private ParquetValueWriters() {}

  /** Writes the value at {@code row} of {@code v} (known not to be null). */
  interface ValueWriter {
    void write(RecordConsumer out, FieldVector v, int row);
  }

  static ValueWriter forType(DataType t) {
    return switch (t.id()) {
      case BOOLEAN -> (out, v, row) -> out.addBoolean(((BitVector) v).get(row) != 0);
      case TINYINT -> (out, v, row) -> out.addInteger(((TinyIntVector) v).get(row));
      case SMALLINT -> (out, v, row) -> out.addInteger(((SmallIntVector) v).get(row));
      case INT -> (out, v, row) -> out.addInteger(((IntVector) v).get(row));
      case BIGINT -> (out, v, row) -> out.addLong(((BigIntVector) v).get(row));
      case FLOAT -> (out, v, row) -> out.addFloat(((Float4Vector) v).get(row));
      case DOUBLE -> (out, v, row) -> out.addDouble(((Float8Vector) v).get(row));
      case DATE -> (out, v, row) -> out.addInteger(((DateDayVector) v).get(row));
      case TIMESTAMP, TIMESTAMP_TZ -> (out, v, row) -> out.addLong(((TimeStampVector) v).get(row));
      case VARCHAR -> (out, v, row) -> out.addBinary(Binary.fromConstantByteArray(((VarCharVector) v).get(row)));
      case VARBINARY -> (out, v, row) -> out.addBinary(Binary.fromConstantByteArray(((VarBinaryVector) v).get(row)));
      case DECIMAL -> decimal(t);
      case ARRAY -> list(forType(t.elementType()));
      case NULL, INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME ->
          throw new IllegalArgumentException("no Parquet writer for " + t.sql());
    };
  }

  /** A LIST group: one {@code list} group per element, holding {@code element} unless it is NULL. */
  private static ValueWriter list(ValueWriter element) {
    return (out, v, row) -> {
      org.apache.arrow.vector.complex.ListVector lv = (org.apache.arrow.vector.complex.ListVector) v;
      int start = lv.getElementStartIndex(row), end = lv.getElementEndIndex(row);
      FieldVector data = lv.getDataVector();
      out.startGroup();
      if (end > start) {
        out.startField(ParquetWriteSchemas.LIST, 0);
        for (int i = start; i < end; i++) {
          out.startGroup();
          if (!data.isNull(i)) {
            out.startField(ParquetWriteSchemas.ELEMENT, 0);
            element.write(out, data, i);
            out.endField(ParquetWriteSchemas.ELEMENT, 0);
          }
          out.endGroup();
        }
        out.endField(ParquetWriteSchemas.LIST, 0);
      }
      out.endGroup();
    };
  }

  private static ValueWriter decimal(DataType t) {
    if (t.precision() <= 9) {
      return (out, v, row) -> out.addInteger((int) ArrowValues.getLongDecimal((DecimalVector) v, row));
    }
    if (t.precision() <= 18) {
      return (out, v, row) -> out.addLong(ArrowValues.getLongDecimal((DecimalVector) v, row));
    }
    int length = ParquetWriteSchemas.decimalBytes(t.precision());
    return (out, v, row) -> out.addBinary(Binary.fromConstantByteArray(bigEndian((DecimalVector) v, row, length)));
  }

  /** The low {@code length} bytes of the 128-bit little-endian slot, most significant first. */
  private static byte[] bigEndian(DecimalVector v, int row, int length) {
    ArrowBuf buf = v.getDataBuffer();
    long at = (long) row * DecimalVector.TYPE_WIDTH;
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) out[length - 1 - i] = buf.getByte(at + i);
    return out;
  }
}
