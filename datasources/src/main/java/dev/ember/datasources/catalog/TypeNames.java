package dev.ember.datasources.catalog;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.TypeId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back the SQL spelling {@link DataType#sql()} writes, for stored table definitions. */
final class TypeNames {
  private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),(\\d+)\\)");

  private TypeNames() {}

  static DataType parse(String sql) {
    String s = sql.trim().toUpperCase(Locale.ROOT);
    Matcher m = DECIMAL.matcher(s.replace(" ", ""));
    if (m.matches()) return DataType.decimal(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    if (s.startsWith("ARRAY<") && s.endsWith(">")) return DataType.array(parse(s.substring(6, s.length() - 1)));
    for (TypeId id : TypeId.values()) {
      if (id == TypeId.DECIMAL || id == TypeId.ARRAY) continue;
      DataType t = new DataType(id, 0, 0);
      if (t.sql().equals(s)) return t;
    }
    throw new IllegalArgumentException("unknown type '" + sql + "'");
  }
}
