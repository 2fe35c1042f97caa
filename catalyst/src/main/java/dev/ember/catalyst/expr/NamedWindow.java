package dev.ember.catalyst.expr;

import static java.util.Objects.requireNonNull;

/** A window function over its frame, with the name and id of the column it produces. */
public record NamedWindow(WindowFunction function, WindowFrame frame, String name, long id) implements java.io.Serializable {
  public NamedWindow { requireNonNull(function); requireNonNull(frame); requireNonNull(name); }

  public static NamedWindow of(WindowFunction function, WindowFrame frame, String name) {
    return new NamedWindow(function, frame, name, ExprIds.next());
  }

  public NamedWindow withFunction(WindowFunction f) {
    return f == function ? this : new NamedWindow(f, frame, name, id);
  }

  public AttributeRef toAttribute() {
    return new AttributeRef(name, function.type(), !function.fn().nonNull(), id);
  }

  /** {@code fn(args) [frame] AS name}; the frame is omitted for ranking functions, which ignore it. */
  public String display() {
    String f = function.fn().ranking() ? "" : " " + frame.display();
    return function.display() + f + " AS " + name;
  }
}
