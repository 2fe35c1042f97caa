package dev.ember.execution.operator;

/**
 * Where each row of a sorted window input sits: for sorted position {@code i}, its partition is
 * {@code [partStart[i], partEnd[i])} and its peer group (equal order keys within the partition)
 * {@code [peerStart[i], peerEnd[i])}, end exclusive.
 */
record WindowLayout(int[] partStart, int[] partEnd, int[] peerStart, int[] peerEnd) {
  int rows() { return partStart.length; }

  /**
   * The layout of {@code n} sorted rows given whether row {@code i} starts a new partition and
   * whether it starts a new peer group (always true where a partition starts).
   */
  static WindowLayout of(int n, java.util.function.IntPredicate newPartition, java.util.function.IntPredicate newPeers) {
    int[] ps = new int[n], pe = new int[n], gs = new int[n], ge = new int[n];
    int p = 0, g = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0 && newPartition.test(i)) {
        for (int j = p; j < i; j++) pe[j] = i;
        p = i;
      }
      if (i > 0 && (p == i || newPeers.test(i))) {
        for (int j = g; j < i; j++) ge[j] = i;
        g = i;
      }
      ps[i] = p;
      gs[i] = g;
    }
    for (int j = p; j < n; j++) pe[j] = n;
    for (int j = g; j < n; j++) ge[j] = n;
    return new WindowLayout(ps, pe, gs, ge);
  }
}
