package dev.ember.codegen.operator;

import dev.ember.catalyst.types.Utf8String;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.VarCharVector;

/** Key comparisons and hashes of values stored in vectors, without copying them out. */
public final class VectorKeys {
  private VectorKeys() {}

  /** Whether the non-null string at {@code row} of {@code v} equals {@code s}, byte for byte. */
  public static boolean equalsUtf8(VarCharVector v, int row, Utf8String s) {
    ArrowBuf offsets = v.getOffsetBuffer();
    int start = offsets.getInt((long) row * BaseVariableWidthVector.OFFSET_WIDTH);
    int end = offsets.getInt((long) (row + 1) * BaseVariableWidthVector.OFFSET_WIDTH);
    byte[] bytes = s.bytes();
    if (end - start != bytes.length) return false;
    ArrowBuf data = v.getDataBuffer();
    for (int i = 0; i < bytes.length; i++) {
      if (data.getByte(start + i) != bytes[i]) return false;
    }
    return true;
  }

  /** Whether two non-null strings held in vectors are equal, compared in place. */
  public static boolean cellsEqual(VarCharVector a, int ra, VarCharVector b, int rb) {
    ArrowBuf ao = a.getOffsetBuffer(), bo = b.getOffsetBuffer();
    int as = ao.getInt((long) ra * BaseVariableWidthVector.OFFSET_WIDTH);
    int ae = ao.getInt((long) (ra + 1) * BaseVariableWidthVector.OFFSET_WIDTH);
    int bs = bo.getInt((long) rb * BaseVariableWidthVector.OFFSET_WIDTH);
    int be = bo.getInt((long) (rb + 1) * BaseVariableWidthVector.OFFSET_WIDTH);
    if (ae - as != be - bs) return false;
    return ByteFunctionHelpers.equal(a.getDataBuffer(), as, ae, b.getDataBuffer(), bs, be) != 0;
  }

  /**
   * The hash of the non-null string at {@code row}, read in place: the same number as
   * {@link Utf8String#hashCode()} of its bytes (so {@link Hashing} agrees across both forms).
   */
  public static int hashUtf8(VarCharVector v, int row) {
    ArrowBuf offsets = v.getOffsetBuffer();
    int start = offsets.getInt((long) row * BaseVariableWidthVector.OFFSET_WIDTH);
    int end = offsets.getInt((long) (row + 1) * BaseVariableWidthVector.OFFSET_WIDTH);
    ArrowBuf data = v.getDataBuffer();
    int h = 1;
    for (long i = start; i < end; i++) h = 31 * h + data.getByte(i);
    return h;
  }
}
