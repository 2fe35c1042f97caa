package dev.ember.server.catalog;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Utf8String;
import dev.ember.server.pgwire.CatalogAnswerer.Answer;
import java.util.ArrayList;
import java.util.List;

/** Builds an {@link Answer}: columns declared as name/type pairs, rows of plain Java values. */
final class Rows {
  private final List<Field> columns = new ArrayList<>();
  private final List<Object[]> rows = new ArrayList<>();

  Rows text(String... names) {
    for (String n : names) columns.add(new Field(n, DataType.VARCHAR, true));
    return this;
  }

  Rows integer(String... names) {
    for (String n : names) columns.add(new Field(n, DataType.INT, true));
    return this;
  }

  Rows bool(String... names) {
    for (String n : names) columns.add(new Field(n, DataType.BOOLEAN, true));
    return this;
  }

  /** Adds a row; Strings become VARCHAR values, chars one-letter strings. */
  Rows row(Object... values) {
    Object[] r = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      r[i] = v instanceof String s ? Utf8String.of(s) : v instanceof Character c ? Utf8String.of(c.toString()) : v;
    }
    rows.add(r);
    return this;
  }

  Answer answer() { return new Answer(columns, rows); }
}
