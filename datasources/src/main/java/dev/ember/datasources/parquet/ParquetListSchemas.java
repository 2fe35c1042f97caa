package dev.ember.datasources.parquet;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Maps a top-level repeated Parquet field to an ARRAY column, following the Parquet format's
 * LIST rules and their backward-compatibility cases:
 * <pre>
 * &lt;r&gt; group a (LIST) { repeated group list { &lt;r&gt; T element; } }   standard (Ember, DuckDB, Spark)
 * &lt;r&gt; group a (LIST) { repeated group bag { &lt;r&gt; T array; } }     Spark/Hive legacy: any one-field group
 * &lt;r&gt; group a (LIST) { repeated T array; }                        two-level: required elements
 * repeated T a                                                 no annotation: a required list of required T
 * </pre>
 * {@code T} may itself be a LIST group (ARRAY&lt;ARRAY&lt;…&gt;&gt;). A repeated group of several
 * fields, or of one field named {@code array} or {@code <name>_tuple}, holds structs; structs and
 * maps have no Ember type, so such columns are refused with their name.
 */
final class ParquetListSchemas {
  private ParquetListSchemas() {}

  /** The ARRAY column of top-level field {@code top} (a LIST group or a repeated field) of {@code file}. */
  static ParquetColumn column(Type top, String file) {
    List<String> path = new ArrayList<>();
    List<Integer> definedAt = new ArrayList<>();
    List<Integer> nonEmptyAt = new ArrayList<>();
    int def = 0;
    Type t = top;
    PrimitiveType leaf = null;
    if (t.isRepetition(Type.Repetition.REPEATED)) {
      // a bare repeated field: the list is required, its elements are the field's values
      if (!t.isPrimitive()) throw unsupported(top, file, "a repeated group (a list of structs)");
      definedAt.add(0);
      nonEmptyAt.add(1);
      path.add(t.getName());
      leaf = t.asPrimitiveType();
      def = 1;
    }
    while (leaf == null) {
      if (t.isPrimitive() || !(t.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation)) {
        throw unsupported(top, file, t.isPrimitive() ? "a malformed LIST" : "a struct or map");
      }
      if (t.isRepetition(Type.Repetition.OPTIONAL)) def++;
      definedAt.add(def);
      path.add(t.getName());
      GroupType list = t.asGroupType();
      if (list.getFieldCount() != 1 || !list.getType(0).isRepetition(Type.Repetition.REPEATED)) {
        throw unsupported(top, file, "a LIST group without exactly one repeated field");
      }
      Type repeated = list.getType(0);
      def++;
      nonEmptyAt.add(def);
      path.add(repeated.getName());
      if (repeated.isPrimitive()) {
        leaf = repeated.asPrimitiveType(); // two-level: the repeated field is the (required) element
        break;
      }
      GroupType g = repeated.asGroupType();
      if (g.getFieldCount() != 1 || g.getName().equals("array") || g.getName().equals(t.getName() + "_tuple")) {
        throw unsupported(top, file, "a list of structs");
      }
      Type element = g.getType(0);
      if (element.isRepetition(Type.Repetition.REPEATED)) throw unsupported(top, file, "a repeated LIST element");
      if (element.isPrimitive()) {
        if (element.isRepetition(Type.Repetition.OPTIONAL)) def++;
        path.add(element.getName());
        leaf = element.asPrimitiveType();
      } else {
        t = element; // a nested list: its own optional-ness is counted at the top of the loop
      }
    }
    Conversion c = ParquetSchemas.conversion(leaf, file);
    DataType type = ParquetSchemas.emberType(leaf, c);
    for (int i = 0; i < definedAt.size(); i++) type = DataType.array(type);
    ListLevels levels = new ListLevels(definedAt.stream().mapToInt(Integer::intValue).toArray(),
        nonEmptyAt.stream().mapToInt(Integer::intValue).toArray(), def);
    return new ParquetColumn(top.getName(), type, top.isRepetition(Type.Repetition.OPTIONAL), top, leaf, c,
        List.copyOf(path), levels);
  }

  private static EmberException unsupported(Type top, String file, String what) {
    return EmberException.notSupported("Parquet column '" + top.getName() + "' in " + file + ": " + what
        + " (" + top.toString().replaceAll("\\s+", " ").trim() + ")");
  }
}
