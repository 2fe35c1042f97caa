package dev.ember.codegen.operator;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Copying cells between vectors of the same type without Arrow's per-cell {@code copyFromSafe}
 * machinery (type checks, capacity loops, hole filling on every call). Profiles of TPC-H Q18 had
 * {@code BaseVariableWidthVector.handleSafe} under generated output code as the top frame, and
 * the shuffle's cell-by-cell split as a tenth of the samples; these are the replacements.
 */
public final class VectorCopy {
  private VectorCopy() {}

  private static final int OFFSET = BaseVariableWidthVector.OFFSET_WIDTH;

  /**
   * Writes the non-null variable-width cell {@code fromRow} of {@code from} at {@code toRow} of
   * {@code to}, where rows of {@code to} are written in increasing order (earlier rows may have
   * been left unset or set null: their offsets are filled here). Grows {@code to} as needed.
   */
  public static void appendVarWidth(BaseVariableWidthVector to, int toRow, BaseVariableWidthVector from, int fromRow) {
    int last = to.getLastSet();
    if (toRow >= to.getValueCapacity() || toRow <= last) {
      to.copyFromSafe(fromRow, toRow, from); // rare: growth of the offsets, or an overwrite
      return;
    }
    if (toRow > last + 1) {
      to.fillEmpties(toRow); // rows skipped since the last string (nulls) get empty offsets
      last = toRow - 1;
    }
    ArrowBuf fromOffsets = from.getOffsetBuffer();
    int start = fromOffsets.getInt((long) fromRow * OFFSET);
    int length = fromOffsets.getInt((long) (fromRow + 1) * OFFSET) - start;
    ArrowBuf toOffsets = to.getOffsetBuffer();
    int at = toOffsets.getInt((long) toRow * OFFSET);
    long needed = (long) at + length;
    if (to.getDataBuffer().capacity() < needed) {
      to.reallocDataBuffer(Math.max(needed, 2 * to.getDataBuffer().capacity()));
    }
    to.getDataBuffer().setBytes(at, from.getDataBuffer(), start, length);
    toOffsets.setInt((long) (toRow + 1) * OFFSET, (int) needed);
    BitVectorHelper.setBit(to.getValidityBuffer(), toRow);
    to.setLastSet(toRow);
  }

  /**
   * Allocates {@code to} (same type as {@code from}, not yet allocated) for {@code count} rows and
   * fills it with rows {@code rows[0..count)} of {@code from}, in that order; sets its value
   * count. Fixed-width columns copy with one typed load and store per row, variable-width ones
   * size the data buffer in a first pass so the copy never grows it.
   */
  public static void gather(FieldVector from, int[] rows, int count, FieldVector to) {
    if (from instanceof BaseVariableWidthVector f && to instanceof BaseVariableWidthVector t) {
      gatherVarWidth(f, rows, count, t);
    } else if (from instanceof BaseFixedWidthVector f && to instanceof BaseFixedWidthVector t
        && !(from instanceof BitVector)) {
      gatherFixedWidth(f, rows, count, t);
    } else {
      to.setInitialCapacity(count);
      to.allocateNew();
      for (int i = 0; i < count; i++) {
        if (!(to instanceof org.apache.arrow.vector.NullVector)) to.copyFromSafe(rows[i], i, from);
      }
    }
    to.setValueCount(count);
  }

  private static void gatherFixedWidth(BaseFixedWidthVector from, int[] rows, int count, BaseFixedWidthVector to) {
    to.allocateNew(Math.max(count, 1)); // validity starts cleared
    int width = from.getTypeWidth();
    ArrowBuf src = from.getDataBuffer(), dst = to.getDataBuffer();
    ArrowBuf srcValid = from.getValidityBuffer(), dstValid = to.getValidityBuffer();
    for (int i = 0; i < count; i++) {
      int r = rows[i];
      if (BitVectorHelper.get(srcValid, r) == 0) continue;
      BitVectorHelper.setBit(dstValid, i);
      switch (width) {
        case 8 -> dst.setLong((long) i * 8, src.getLong((long) r * 8));
        case 4 -> dst.setInt((long) i * 4, src.getInt((long) r * 4));
        case 16 -> {
          dst.setLong((long) i * 16, src.getLong((long) r * 16));
          dst.setLong((long) i * 16 + 8, src.getLong((long) r * 16 + 8));
        }
        default -> dst.setBytes((long) i * width, src, (long) r * width, width);
      }
    }
  }

  private static void gatherVarWidth(BaseVariableWidthVector from, int[] rows, int count, BaseVariableWidthVector to) {
    ArrowBuf srcOffsets = from.getOffsetBuffer();
    long bytes = 0;
    for (int i = 0; i < count; i++) {
      int r = rows[i];
      bytes += srcOffsets.getInt((long) (r + 1) * OFFSET) - srcOffsets.getInt((long) r * OFFSET);
    }
    to.allocateNew(Math.max(bytes, 1), Math.max(count, 1));
    ArrowBuf src = from.getDataBuffer(), dst = to.getDataBuffer(), dstOffsets = to.getOffsetBuffer();
    ArrowBuf srcValid = from.getValidityBuffer(), dstValid = to.getValidityBuffer();
    int at = 0;
    dstOffsets.setInt(0, 0);
    for (int i = 0; i < count; i++) {
      int r = rows[i];
      if (BitVectorHelper.get(srcValid, r) != 0) {
        BitVectorHelper.setBit(dstValid, i);
        int start = srcOffsets.getInt((long) r * OFFSET);
        int length = srcOffsets.getInt((long) (r + 1) * OFFSET) - start;
        dst.setBytes(at, src, start, length);
        at += length;
      }
      dstOffsets.setInt((long) (i + 1) * OFFSET, at);
    }
    to.setLastSet(count - 1);
  }
}
