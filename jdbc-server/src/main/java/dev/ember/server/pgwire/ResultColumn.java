package dev.ember.server.pgwire;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;

/** One column of a result as RowDescription announces it. */
record ResultColumn(String name, DataType emberType, PgType type, int typmod) {
  static ResultColumn of(Field f) { return new ResultColumn(f.name(), f.type(), PgType.of(f.type()), PgType.typmod(f.type())); }
}
