package dev.ember.codegen.operator;

import dev.ember.catalyst.types.Utf8String;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.VarCharVector;

/** Key comparisons against values stored in vectors, without copying them out. */
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
}
