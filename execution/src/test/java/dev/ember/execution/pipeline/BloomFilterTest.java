package dev.ember.execution.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BloomFilterTest {
  @Test void noFalseNegativesAndAboutOnePercentFalsePositives() {
    BloomFilter f = new BloomFilter(10_000);
    for (long k = 0; k < 10_000; k++) f.add(k * 3);
    for (long k = 0; k < 10_000; k++) assertTrue(f.mightContain(k * 3), "key " + k * 3);
    int positives = 0;
    for (long k = 0; k < 100_000; k++) if (f.mightContain(k * 3 + 1)) positives++;
    assertTrue(positives < 2_000, "false positives: " + positives + " of 100,000");
    assertTrue(f.sizeInBytes() <= 32 * 1024, "10 bits a key, rounded up to a power of two");
  }

  @Test void anEmptyFilterContainsNothing() {
    BloomFilter f = new BloomFilter(0);
    for (long k = -100; k < 100; k++) assertTrue(!f.mightContain(k));
  }
}
