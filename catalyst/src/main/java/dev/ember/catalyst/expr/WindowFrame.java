package dev.ember.catalyst.expr;

import static java.util.Objects.requireNonNull;

/**
 * The frame of a window function: the rows of the current row's partition it reads, from
 * {@code lower} to {@code upper} inclusive. ROWS frames count rows; RANGE frames count by order
 * key, so CURRENT ROW there means the current row and all its peers (rows with equal order keys).
 */
public record WindowFrame(boolean rows, Bound lower, Bound upper) implements java.io.Serializable {
  public enum Kind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

  /** One end of a frame; {@code offset} matters only for PRECEDING and FOLLOWING. */
  public record Bound(Kind kind, long offset) implements java.io.Serializable {
    public Bound {
      requireNonNull(kind);
      if (offset < 0) throw new IllegalArgumentException("negative frame offset " + offset);
    }

    public static final Bound UNBOUNDED_PRECEDING = new Bound(Kind.UNBOUNDED_PRECEDING, 0);
    public static final Bound CURRENT_ROW = new Bound(Kind.CURRENT_ROW, 0);
    public static final Bound UNBOUNDED_FOLLOWING = new Bound(Kind.UNBOUNDED_FOLLOWING, 0);

    public static Bound preceding(long n) { return new Bound(Kind.PRECEDING, n); }

    public static Bound following(long n) { return new Bound(Kind.FOLLOWING, n); }

    public String display() {
      return switch (kind) {
        case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
        case PRECEDING -> offset + " PRECEDING";
        case CURRENT_ROW -> "CURRENT ROW";
        case FOLLOWING -> offset + " FOLLOWING";
        case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
      };
    }
  }

  /** SQL's default with ORDER BY: the partition's start up to the current row and its peers. */
  public static final WindowFrame RANGE_TO_CURRENT = new WindowFrame(false, Bound.UNBOUNDED_PRECEDING, Bound.CURRENT_ROW);

  /** SQL's default without ORDER BY: the whole partition. */
  public static final WindowFrame WHOLE_PARTITION =
      new WindowFrame(true, Bound.UNBOUNDED_PRECEDING, Bound.UNBOUNDED_FOLLOWING);

  public WindowFrame { requireNonNull(lower); requireNonNull(upper); }

  public String display() {
    return (rows ? "ROWS" : "RANGE") + " BETWEEN " + lower.display() + " AND " + upper.display();
  }
}
