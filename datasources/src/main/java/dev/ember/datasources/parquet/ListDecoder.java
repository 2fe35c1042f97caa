package dev.ember.datasources.parquet;

import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.parquet.column.ColumnReader;

/**
 * Decodes an ARRAY column from its leaf's repetition and definition levels straight into nested
 * Arrow {@link ListVector}s, column-wise and without assembling records: each (repetition,
 * definition, value) triple opens a new slot at the level its repetition level names — a new row
 * at 0, a new entry of the current list of level k-1 at k — and then, level by level down, the
 * definition level says whether that slot is a NULL list, an empty list, a list whose first entry
 * follows, or (innermost) a present or NULL element ({@link ListLevels}). Present elements go to
 * the element type's own decoder.
 *
 * <p>A row ends where the next triple has repetition level 0, so a batch of {@code n} rows reads
 * triples until the {@code n+1}-th row would start, or the column chunk ends. NULL lists are left
 * as holes that Arrow fills with empty offsets ({@link ListVector#startNewValue} and
 * {@code setValueCount}); list offsets and validity grow as entries arrive.
 */
final class ListDecoder extends ColumnDecoder {
  private final ListLevels levels;
  private final ColumnDecoder element;

  /** The reader whose triples {@link #consumed} counts: each row group's column has a new one. */
  private ColumnReader current;
  private long consumed;

  ListDecoder(ListLevels levels, ColumnDecoder element) {
    this.levels = levels;
    this.element = element;
  }

  @Override void read(ColumnReader r, int maxDef, FieldVector vector, int n) {
    if (r != current) {
      current = r;
      consumed = 0;
    }
    int depth = levels.depth();
    ListVector[] lists = new ListVector[depth];
    lists[0] = (ListVector) vector;
    for (int k = 1; k < depth; k++) lists[k] = (ListVector) lists[k - 1].getDataVector();
    FieldVector leaf = lists[depth - 1].getDataVector();
    BaseFixedWidthVector fixedLeaf = leaf instanceof BaseFixedWidthVector f ? f : null;
    int leafDefined = levels.leafDefined();
    // slots[k]: lists opened so far at level k (slots[0] = rows); leafSlots: elements so far
    int[] slots = new int[depth];
    int leafSlots = 0;
    long total = r.getTotalValueCount();
    while (consumed < total) {
      int rep = r.getCurrentRepetitionLevel();
      if (rep == 0 && slots[0] == n) break;
      int def = r.getCurrentDefinitionLevel();
      for (int k = rep; ; k++) {
        if (k > 0) lists[k - 1].endValue(slots[k - 1] - 1, 1); // one more entry in the open list above
        if (k == depth) {
          int i = leafSlots++;
          if (def == leafDefined) {
            if (fixedLeaf != null) {
              while (i >= fixedLeaf.getValueCapacity()) fixedLeaf.reAlloc();
            }
            element.readValue(r, leaf, i);
          }
          break;
        }
        int j = slots[k]++;
        if (def < levels.definedAt(k)) break; // a NULL list: a hole, filled in as empty and invalid
        lists[k].startNewValue(j);
        if (def < levels.nonEmptyAt(k)) break; // an empty list
      }
      r.consume();
      consumed++;
    }
    if (slots[0] != n) {
      throw new IllegalStateException("list column chunk ended after " + slots[0] + " of " + n + " rows");
    }
  }

  @Override void readValue(ColumnReader r, FieldVector v, int i) {
    throw new UnsupportedOperationException("a list is read with its levels, not as one value");
  }
}
