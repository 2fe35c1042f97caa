package dev.ember.datasources;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the column names a reader was asked for against a table's schema: the positions in the
 * table and the schema of the batches the reader returns. Shared by every source so unknown
 * columns fail the same way everywhere.
 */
public record Projection(Schema schema, int[] tableIndexes) {
  /** The columns {@code names} (matched ignoring case) of {@code table}, in the order given. */
  public static Projection of(Schema table, List<String> names, String tableName) {
    List<Field> fields = new ArrayList<>(names.size());
    int[] indexes = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      int at = table.indexOf(names.get(i));
      if (at < 0) {
        throw new EmberException(EmberException.UNDEFINED_COLUMN,
            "column '" + names.get(i) + "' not found in table " + tableName);
      }
      indexes[i] = at;
      fields.add(table.field(at));
    }
    return new Projection(new Schema(fields), indexes);
  }

  public int size() { return tableIndexes.length; }
}
