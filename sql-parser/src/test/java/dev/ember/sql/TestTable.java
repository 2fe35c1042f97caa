package dev.ember.sql;

import dev.ember.catalyst.catalog.Table;
import dev.ember.catalyst.types.Schema;

/** A table of the test catalog: a name and a schema, no data. */
record TestTable(String name, Schema schema) implements Table {}
