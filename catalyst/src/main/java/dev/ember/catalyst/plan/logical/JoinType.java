package dev.ember.catalyst.plan.logical;

/** How a join combines its inputs. Semi and anti joins output only the left side's columns. */
public enum JoinType {
  INNER, LEFT, RIGHT, FULL, LEFT_SEMI, LEFT_ANTI;

  /** True when the output has the right side's columns. */
  public boolean outputsRight() { return this != LEFT_SEMI && this != LEFT_ANTI; }

  public String sql() {
    return switch (this) {
      case INNER -> "Inner";
      case LEFT -> "LeftOuter";
      case RIGHT -> "RightOuter";
      case FULL -> "FullOuter";
      case LEFT_SEMI -> "LeftSemi";
      case LEFT_ANTI -> "LeftAnti";
    };
  }
}
