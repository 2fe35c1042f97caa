package dev.ember.catalyst.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.tree.Trees;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Utf8String;
import java.math.BigDecimal;
import java.util.List;

/**
 * A constant. {@code value} is null or an instance of {@code type.boxedClass()}: e.g. a
 * DECIMAL(15,2) literal 0.05 holds the unscaled {@code Long} 5.
 */
public record Literal(Object value, DataType type) implements Expr {
  public static final Literal TRUE = new Literal(true, DataType.BOOLEAN);
  public static final Literal FALSE = new Literal(false, DataType.BOOLEAN);

  public Literal {
    requireNonNull(type);
    if (value != null && !type.boxedClass().isInstance(value)) {
      throw new IllegalArgumentException("literal of type " + type + " cannot hold "
          + value.getClass().getSimpleName() + " " + value);
    }
  }

  public static Literal nullOf(DataType type) { return new Literal(null, type); }

  public static Literal ofInt(int v) { return new Literal(v, DataType.INT); }

  public static Literal ofLong(long v) { return new Literal(v, DataType.BIGINT); }

  public static Literal ofDouble(double v) { return new Literal(v, DataType.DOUBLE); }

  public static Literal ofBoolean(boolean v) { return v ? TRUE : FALSE; }

  public static Literal ofString(String v) { return new Literal(Utf8String.of(v), DataType.VARCHAR); }

  /** A decimal literal of the given type; {@code v} is rescaled exactly (or fails). */
  public static Literal ofDecimal(BigDecimal v, DataType type) {
    BigDecimal scaled = v.setScale(type.scale());
    Object boxed = type.isLongDecimal() ? (Object) scaled.unscaledValue().longValueExact() : scaled;
    return new Literal(boxed, type);
  }

  public boolean isNull() { return value == null; }

  @Override public DataType dataType() { return type; }

  @Override public boolean nullable() { return value == null; }

  @Override public boolean foldable() { return true; }

  @Override public List<Expr> children() { return List.of(); }

  @Override public Expr withChildren(List<Expr> children) {
    Trees.checkArity(children, 0, this);
    return this;
  }
}
