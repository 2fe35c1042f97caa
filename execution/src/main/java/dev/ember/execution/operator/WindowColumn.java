package dev.ember.execution.operator;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.expr.WindowFrame;
import dev.ember.catalyst.expr.WindowFunction.WinFn;
import dev.ember.catalyst.types.DataType;
import java.util.List;

/**
 * One window function as the window operator computes it: arguments are input columns or
 * constants, the result is of {@code type} in Ember's boxed value representation.
 */
public record WindowColumn(WinFn fn, List<Arg> args, WindowFrame frame, DataType type) {
  public WindowColumn {
    requireNonNull(fn);
    args = List.copyOf(args);
    requireNonNull(frame);
    requireNonNull(type);
  }

  /** An argument: input column {@code column} (of {@code type}), or {@code constant} when column < 0. */
  public record Arg(int column, DataType type, Object constant) {
    public static Arg column(int column, DataType type) { return new Arg(column, type, null); }

    public static Arg constant(Object value, DataType type) { return new Arg(-1, type, value); }

    public boolean isConstant() { return column < 0; }
  }
}
