package dev.ember.catalyst.types;

import static java.util.Objects.requireNonNull;

/** A named, typed column of a schema. */
public record Field(String name, DataType type, boolean nullable) implements java.io.Serializable {
  public Field { requireNonNull(name); requireNonNull(type); }
}
