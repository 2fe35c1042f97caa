package dev.ember.execution.pipeline;

/**
 * A Bloom filter of 64-bit keys: {@link #mightContain} is false only for keys never added. Ten
 * bits and five probes per expected key give about 1% false positives; the probes are derived
 * from two halves of one mixed 64-bit hash (Kirsch–Mitzenmacher double hashing).
 */
public final class BloomFilter {
  private static final int PROBES = 5;
  private final long[] bits;
  private final long mask;

  /** A filter sized for {@code expectedKeys} keys (at least 64 bits, a power of two). */
  public BloomFilter(long expectedKeys) {
    long wanted = Math.max(64, expectedKeys * 10);
    long size = Long.highestOneBit(wanted - 1) << 1;
    this.bits = new long[(int) Math.min(1L << 30, size >>> 6)];
    this.mask = (long) bits.length * 64 - 1;
  }

  public void add(long key) {
    long h = mix(key);
    long h1 = h, h2 = (h >>> 32) | 1;
    for (int i = 0; i < PROBES; i++) {
      long bit = (h1 + i * h2) & mask;
      bits[(int) (bit >>> 6)] |= 1L << bit;
    }
  }

  public boolean mightContain(long key) {
    long h = mix(key);
    long h1 = h, h2 = (h >>> 32) | 1;
    for (int i = 0; i < PROBES; i++) {
      long bit = (h1 + i * h2) & mask;
      if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) return false;
    }
    return true;
  }

  /** Bytes the filter holds. */
  public long sizeInBytes() { return (long) bits.length * 8; }

  /** A 64-bit finaliser (Stafford's variant 13): consecutive keys land far apart. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
