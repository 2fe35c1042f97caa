package dev.ember.api;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A window specification: partitioning, ordering and frame, built with {@link Window}. Frame
 * bounds are offsets from the current row; {@link Window#unboundedPreceding},
 * {@link Window#currentRow} and {@link Window#unboundedFollowing} are the special ones.
 */
public final class WindowSpec {
  /** ROWS or RANGE, with the two bounds. */
  record Frame(boolean rows, long start, long end) {}

  final List<ColumnNode> partitionBy;
  final List<ColumnNode> orderBy;
  final Frame frame;

  WindowSpec(List<ColumnNode> partitionBy, List<ColumnNode> orderBy, Frame frame) {
    this.partitionBy = List.copyOf(partitionBy);
    this.orderBy = List.copyOf(orderBy);
    this.frame = frame;
  }

  public WindowSpec partitionBy(String... cols) { return partitionBy(Window.cols(cols)); }

  public WindowSpec partitionBy(Column... cols) {
    List<ColumnNode> out = new ArrayList<>();
    for (Column c : cols) out.add(requireNonNull(c).node);
    return new WindowSpec(out, orderBy, frame);
  }

  public WindowSpec orderBy(String... cols) { return orderBy(Window.cols(cols)); }

  public WindowSpec orderBy(Column... cols) {
    List<ColumnNode> out = new ArrayList<>();
    for (Column c : cols) out.add(requireNonNull(c).node);
    return new WindowSpec(partitionBy, out, frame);
  }

  /** A frame of rows relative to the current one, e.g. {@code rowsBetween(-2, Window.currentRow())}. */
  public WindowSpec rowsBetween(long start, long end) { return new WindowSpec(partitionBy, orderBy, new Frame(true, start, end)); }

  /** A frame of ORDER BY values relative to the current row's. */
  public WindowSpec rangeBetween(long start, long end) { return new WindowSpec(partitionBy, orderBy, new Frame(false, start, end)); }
}
