package dev.ember.datasources.parquet;

import java.util.Arrays;

/**
 * Where the definition levels of a list column's leaf say what, per level of list nesting (level 0
 * is the column itself, level k+1 the elements of level k; repetition level k+1 starts a new entry
 * in a list of level k). A leaf value with definition level {@code d}:
 * <ul>
 *   <li>{@code d < definedAt(k)}: the list at level k is NULL (only when that list is optional);
 *   <li>{@code definedAt(k) <= d < nonEmptyAt(k)}: the list is empty;
 *   <li>otherwise the list has an entry here, and the next level decides about that entry;
 *   <li>at the innermost level, the element is present when {@code d == leafDefined}, else NULL.
 * </ul>
 * For {@code optional group a (LIST) { repeated group list { optional int32 element; } }}:
 * definedAt = [1], nonEmptyAt = [2], leafDefined = 3.
 */
final class ListLevels {
  private final int[] definedAt;
  private final int[] nonEmptyAt;
  private final int leafDefined;

  ListLevels(int[] definedAt, int[] nonEmptyAt, int leafDefined) {
    if (definedAt.length == 0 || definedAt.length != nonEmptyAt.length) {
      throw new IllegalArgumentException("one entry per nesting level: " + Arrays.toString(definedAt)
          + " / " + Arrays.toString(nonEmptyAt));
    }
    this.definedAt = definedAt.clone();
    this.nonEmptyAt = nonEmptyAt.clone();
    this.leafDefined = leafDefined;
  }

  /** Levels of list nesting: 1 for ARRAY&lt;T&gt;, 2 for ARRAY&lt;ARRAY&lt;T&gt;&gt;. */
  int depth() { return definedAt.length; }

  int definedAt(int level) { return definedAt[level]; }

  int nonEmptyAt(int level) { return nonEmptyAt[level]; }

  int leafDefined() { return leafDefined; }

  @Override public boolean equals(Object o) {
    return o instanceof ListLevels l && Arrays.equals(definedAt, l.definedAt)
        && Arrays.equals(nonEmptyAt, l.nonEmptyAt) && leafDefined == l.leafDefined;
  }

  @Override public int hashCode() { return Arrays.hashCode(definedAt) * 31 + Arrays.hashCode(nonEmptyAt) + leafDefined; }

  @Override public String toString() {
    return "ListLevels" + Arrays.toString(definedAt) + Arrays.toString(nonEmptyAt) + leafDefined;
  }
}
