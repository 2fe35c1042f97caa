package dev.ember.catalyst.expr;

import static java.util.Objects.requireNonNull;

/** An aggregate call with the name and id of the column it produces. */
public record NamedAggregate(AggregateCall call, String name, long id) implements java.io.Serializable {
  public NamedAggregate { requireNonNull(call); requireNonNull(name); }

  public static NamedAggregate of(AggregateCall call, String name) {
    return new NamedAggregate(call, name, ExprIds.next());
  }

  public NamedAggregate withCall(AggregateCall c) { return c == call ? this : new NamedAggregate(c, name, id); }

  public AttributeRef toAttribute() {
    boolean nullable = call.fn() != AggregateCall.AggFn.COUNT;
    return new AttributeRef(name, call.type(), nullable, id);
  }
}
