package dev.ember.datasources.parquet;

import java.nio.ByteBuffer;

/**
 * Parquet's RLE / bit-packing hybrid encoding (definition levels and dictionary ids), decoded a
 * whole page at a time into an {@code int[]}: runs become array fills and bit-packed groups a
 * shift-and-mask loop, instead of a virtual call per value through a stream.
 */
final class HybridDecoder {
  private HybridDecoder() {}

  /**
   * Decodes {@code count} values of {@code bitWidth} bits from {@code in} (positioned at the first
   * run header) into {@code out[0..count)}; returns true when all of them are one run of {@code
   * allEqual} (so callers can skip per-value checks).
   */
  static boolean decode(ByteBuffer in, int bitWidth, int[] out, int count, int allEqual) {
    int filled = 0;
    boolean uniform = true;
    int byteWidth = (bitWidth + 7) >>> 3;
    long mask = bitWidth == 0 ? 0 : (1L << bitWidth) - 1;
    while (filled < count) {
      int header = readVarInt(in);
      if ((header & 1) == 0) {
        int run = header >>> 1;
        int value = 0;
        for (int b = 0; b < byteWidth; b++) value |= (in.get() & 0xFF) << (8 * b);
        int end = Math.min(count, filled + run);
        uniform &= value == allEqual;
        java.util.Arrays.fill(out, filled, end, value);
        filled = end;
      } else {
        int values = (header >>> 1) * 8;
        long acc = 0;
        int bits = 0;
        for (int j = 0; j < values; j++) {
          while (bits < bitWidth) {
            acc |= (in.get() & 0xFFL) << bits;
            bits += 8;
          }
          int v = (int) (acc & mask);
          acc >>>= bitWidth;
          bits -= bitWidth;
          if (filled < count) {
            out[filled++] = v;
            uniform &= v == allEqual;
          }
        }
      }
    }
    return uniform;
  }

  private static int readVarInt(ByteBuffer in) {
    int value = 0, shift = 0;
    while (true) {
      int b = in.get() & 0xFF;
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) return value;
      shift += 7;
    }
  }

  /** Bits needed for values up to {@code max}. */
  static int bitWidth(int max) { return 32 - Integer.numberOfLeadingZeros(max); }
}
