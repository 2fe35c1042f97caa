package dev.ember.datasources.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Parquet's RLE / bit-packing hybrid encoding (definition levels and dictionary ids), decoded a
 * whole page at a time into an {@code int[]}: runs become array fills and bit-packed groups a
 * shift-and-mask loop, instead of a virtual call per value through a stream.
 */
final class HybridDecoder {
  private static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private HybridDecoder() {}

  /**
   * Decodes {@code count} values of {@code bitWidth} bits from {@code in} (positioned at the first
   * run header) into {@code out[0..count)}; returns true when all of them are one run of {@code
   * allEqual} (so callers can skip per-value checks).
   */
  static boolean decode(ByteBuffer in, int bitWidth, int[] out, int count, int allEqual) {
    byte[] a;
    int pos, limit;
    if (in.hasArray()) {
      a = in.array();
      pos = in.arrayOffset() + in.position();
      limit = in.arrayOffset() + in.limit();
    } else {
      a = new byte[in.remaining()];
      in.duplicate().get(a);
      pos = 0;
      limit = a.length;
    }
    int filled = 0;
    boolean uniform = true;
    int byteWidth = (bitWidth + 7) >>> 3;
    long mask = bitWidth == 0 ? 0 : (1L << bitWidth) - 1;
    while (filled < count) {
      // the run header: a ULEB128 varint
      int header = 0;
      for (int shift = 0; ; shift += 7) {
        int b = a[pos++] & 0xFF;
        header |= (b & 0x7F) << shift;
        if ((b & 0x80) == 0) break;
      }
      if ((header & 1) == 0) {
        int run = header >>> 1;
        int value = 0;
        for (int b = 0; b < byteWidth; b++) value |= (a[pos++] & 0xFF) << (8 * b);
        int end = Math.min(count, filled + run);
        uniform &= value == allEqual;
        java.util.Arrays.fill(out, filled, end, value);
        filled = end;
      } else {
        int values = (header >>> 1) * 8;
        int bytes = (header >>> 1) * bitWidth;
        int take = Math.min(values, count - filled);
        long bit = (long) pos * 8;
        for (int j = 0; j < take; j++, bit += bitWidth) {
          int at = (int) (bit >>> 3);
          // an unaligned little-endian word holds the value (bitWidth + 7 <= 39 bits); near the end
          // of the array the word is assembled byte by byte
          long word = at + 8 <= limit ? (long) LE_LONG.get(a, at) : tail(a, at, limit);
          int v = (int) ((word >>> (bit & 7)) & mask);
          out[filled + j] = v;
          uniform &= v == allEqual;
        }
        filled += take;
        pos += bytes;
      }
    }
    in.position(in.hasArray() ? pos - in.arrayOffset() : in.position() + pos);
    return uniform;
  }

  private static long tail(byte[] a, int at, int limit) {
    long w = 0;
    for (int i = 0; at + i < limit && i < 8; i++) w |= (a[at + i] & 0xFFL) << (8 * i);
    return w;
  }

  /** Bits needed for values up to {@code max}. */
  static int bitWidth(int max) { return 32 - Integer.numberOfLeadingZeros(max); }
}
