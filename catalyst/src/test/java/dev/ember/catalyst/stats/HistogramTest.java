package dev.ember.catalyst.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistogramTest {
  /** 1,000 values: 900 copies of 1, then 2..101 once each. */
  static double[] skewed() {
    double[] v = new double[1000];
    for (int i = 0; i < 900; i++) v[i] = 1;
    for (int i = 0; i < 100; i++) v[900 + i] = 2 + i;
    return v;
  }

  @Test void binsHoldEqualRowsAndAFrequentValueFillsWholeBins() {
    Histogram h = Histogram.of(skewed(), 1000, 10, 1000, 101);
    assertEquals(10, h.bins().size());
    assertEquals(100, h.height(), 1e-9);
    for (int i = 0; i < 9; i++) {
      assertEquals(new Histogram.Bin(1, 1, 1), h.bins().get(i));
    }
    assertEquals(new Histogram.Bin(2, 101, 100), h.bins().get(9));
  }

  @Test void fractionsFollowTheData() {
    Histogram h = Histogram.of(skewed(), 1000, 10, 1000, 101);
    assertEquals(0.9, h.fractionEqual(1), 1e-9);
    assertEquals(0.1 / 100, h.fractionEqual(2), 1e-9);
    assertEquals(0.001, h.fractionEqual(50), 1e-9);
    assertEquals(0.9, h.fractionBetween(Double.NaN, false, 1, true), 1e-9);
    assertEquals(0.0, h.fractionBetween(Double.NaN, false, 1, false), 1e-9);
    // Half of the last bin's range.
    assertEquals(0.05, h.fractionBetween(51.5, true, Double.NaN, false), 1e-9);
  }

  @Test void aSampleScalesDistinctCountsButASingleValueBinKeepsOne() {
    double[] v = {1, 1, 1, 1, 2, 3, 4, 5};
    Histogram h = Histogram.of(v, 8, 2, 8_000, 40);
    assertEquals(4_000, h.height(), 1e-9);
    assertEquals(1, h.bins().get(0).distinct(), 1e-9);
    // 4 sampled values of 5 distinct in the sample, the column has 40: x8.
    assertEquals(32, h.bins().get(1).distinct(), 1e-9);
  }

  @Test void fewerValuesThanBinsGiveOneBinPerValueAndNoValuesNoHistogram() {
    Histogram h = Histogram.of(new double[] {3, 1, 2}, 3, 254, 3, 3);
    assertEquals(3, h.bins().size());
    assertNull(Histogram.of(new double[0], 0, 254, 0, 0));
  }

  @Test void encodesAndDecodes() {
    Histogram h = Histogram.of(skewed(), 1000, 7, 1000, 101);
    assertEquals(h, Histogram.decode(h.encode()));
    assertTrue(h.summary().contains("num_of_bins: 7"));
  }
}
