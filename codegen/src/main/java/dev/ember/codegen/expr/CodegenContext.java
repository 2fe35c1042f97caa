package dev.ember.codegen.expr;

import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of generating one class: fresh names, fields, helper methods and the references
 * array. Literal values never appear in the source: they become fields initialised from
 * {@link #references()}, so the source depends only on the plan's shape and the compiled class
 * can be cached and reused with other values.
 *
 * <p>The generated class must declare {@link #fieldDeclarations()} and {@link #methods()} as
 * members and run {@link #initCode()} in a method with an {@code Object[] refs} parameter (e.g.
 * {@code public void init(Object[] refs) { ... }}) called with {@link #references()} before use.
 * Fields may hold per-row scratch state (results of split methods), so an instance of the
 * generated class is used by one thread at a time.
 */
public final class CodegenContext {
  /** Name of the {@code Object[]} parameter that {@link #initCode()} reads. */
  public static final String REFS = "refs";
  /** Field initialisations per init helper method. */
  static final int INIT_CHUNK = 100;

  /** Default size (in expression nodes) above which a sub-expression moves into its own method. */
  public static final int DEFAULT_SPLIT_WEIGHT = 24;

  private final QueryClock clock;
  private final int splitWeight;
  private final Map<String, Integer> counters = new HashMap<>();
  private final List<Object> references = new ArrayList<>();
  private final StringBuilder fields = new StringBuilder();
  /** Init statements, one per field; emitted in chunks so no method grows large. */
  private final List<String> init = new ArrayList<>();
  private final StringBuilder methods = new StringBuilder();
  /** Value expressions of wide-decimal results that also sit, unscaled, in a WideDecimal register. */
  private final Map<String, String> wideRegisters = new HashMap<>();
  /** Value expressions of strings read lazily from a vector cell: {vector, row index}. */
  private final Map<String, String[]> stringCells = new HashMap<>();

  /** A context whose CURRENT_DATE/CURRENT_TIMESTAMP come from {@code clock}. */
  public CodegenContext(QueryClock clock) { this(clock, DEFAULT_SPLIT_WEIGHT); }

  /**
   * A context that splits sub-expressions of more than {@code splitWeight} nodes into private
   * methods (keeping each method far below the JIT's 8,000-byte limit).
   */
  public CodegenContext(QueryClock clock, int splitWeight) {
    this.clock = java.util.Objects.requireNonNull(clock);
    if (splitWeight < 2) throw new IllegalArgumentException("splitWeight must be at least 2");
    this.splitWeight = splitWeight;
  }

  /** A context with the wall clock (UTC) at construction as the query clock. */
  public CodegenContext() { this(QueryClock.now()); }

  public QueryClock clock() { return clock; }

  public int splitWeight() { return splitWeight; }

  /** A name unique within this class, e.g. {@code value_12}. */
  public String freshName(String prefix) {
    String p = prefix.isEmpty() ? "v" : prefix;
    int n = counters.merge(p, 1, Integer::sum) - 1;
    return p + "_" + n;
  }

  /**
   * A field initialised once from the references array with {@code value} (boxed for primitive
   * {@code javaType}s): returns the field name.
   */
  public String addReference(Object value, String javaType, String prefix) {
    int idx = references.size();
    references.add(value);
    String name = freshName(prefix);
    fields.append("  private ").append(javaType).append(' ').append(name).append(";\n");
    String boxed = boxedOf(javaType);
    String read = REFS + "[" + idx + "]";
    if (boxed != null) {
      init.add(name + " = ((" + boxed + ") " + read + ")." + javaType + "Value();");
    } else {
      init.add(name + " = (" + javaType + ") " + read + ";");
    }
    return name;
  }

  /** A field of the generated class, assigned {@code initExpr} in the init code when non-null. */
  public String addField(String javaType, String prefix, String initExpr) {
    String name = freshName(prefix);
    fields.append("  private ").append(javaType).append(' ').append(name).append(";\n");
    if (initExpr != null) init.add(name + " = " + initExpr + ";");
    return name;
  }

  /**
   * Records that the value expression {@code value} (a DECIMAL(p &gt; 18) built on demand) is the
   * {@link dev.ember.codegen.operator.WideDecimal} field {@code register} at the value's scale.
   */
  public void registerWide(String value, String register) { wideRegisters.put(value, register); }

  /**
   * The WideDecimal register holding {@code value} unscaled, or null: lets consumers (the decimal
   * sum, enclosing wide arithmetic) take the two words instead of materialising a BigDecimal.
   */
  public String wideRegister(String value) { return wideRegisters.get(value); }

  /**
   * Records that the VARCHAR value expression {@code value} is the cell {@code row} of the
   * VarCharVector {@code vector} (copied out only when something needs it as a Utf8String).
   */
  public void registerStringCell(String value, String vector, String row) {
    stringCells.put(value, new String[] {vector, row});
  }

  /** The {vector, row} holding the string {@code value}, or null: for in-place hashing and copies. */
  public String[] stringCell(String value) { return stringCells.get(value); }

  /** Adds a helper method (complete Java source) to the generated class. */
  public void addMethod(String javaSource) { methods.append(javaSource).append('\n'); }

  /** The values to pass to the generated class's init method. */
  public Object[] references() { return references.toArray(); }

  public String fieldDeclarations() { return fields.toString(); }

  /**
   * Statements that assign fields from {@code Object[] refs}. Beyond {@value #INIT_CHUNK} fields
   * they are calls of init helper methods (part of {@link #methods()}), keeping every method small.
   */
  public String initCode() {
    StringBuilder sb = new StringBuilder();
    if (init.size() <= INIT_CHUNK) {
      for (String st : init) sb.append("    ").append(st).append('\n');
    } else {
      for (int c = 0; c * INIT_CHUNK < init.size(); c++) sb.append("    initReferences_").append(c).append('(').append(REFS).append(");\n");
    }
    return sb.toString();
  }

  /** Helper methods: those added with {@link #addMethod}, then the init helpers if any. */
  public String methods() {
    if (init.size() <= INIT_CHUNK) return methods.toString();
    StringBuilder sb = new StringBuilder(methods);
    for (int c = 0; c * INIT_CHUNK < init.size(); c++) {
      sb.append("  private void initReferences_").append(c).append("(Object[] ").append(REFS).append(") {\n");
      for (String st : init.subList(c * INIT_CHUNK, Math.min(init.size(), (c + 1) * INIT_CHUNK))) {
        sb.append("    ").append(st).append('\n');
      }
      sb.append("  }\n");
    }
    return sb.toString();
  }

  /** The Java type holding a non-null value of {@code t} in generated code. */
  public static String javaType(DataType t) {
    return switch (t.id()) {
      case NULL -> "Object";
      case BOOLEAN -> "boolean";
      case TINYINT -> "byte";
      case SMALLINT -> "short";
      case INT, DATE, INTERVAL_YEAR_MONTH -> "int";
      case BIGINT, TIMESTAMP, TIMESTAMP_TZ, INTERVAL_DAY_TIME -> "long";
      case FLOAT -> "float";
      case DOUBLE -> "double";
      case DECIMAL -> t.isLongDecimal() ? "long" : "java.math.BigDecimal";
      case VARCHAR -> "dev.ember.catalyst.types.Utf8String";
      case VARBINARY -> "byte[]";
      case ARRAY -> "java.util.List";
    };
  }

  /** The boxed Java type of {@code t}: what Object[] rows and references hold. */
  public static String boxedType(DataType t) {
    String j = javaType(t);
    String b = boxedOf(j);
    return b != null ? b : j;
  }

  /** A neutral value of {@code t}'s Java type, for locals whose value is null. */
  public static String defaultValue(DataType t) {
    return switch (javaType(t)) {
      case "boolean" -> "false";
      case "byte" -> "(byte) 0";
      case "short" -> "(short) 0";
      case "int" -> "0";
      case "long" -> "0L";
      case "float" -> "0.0f";
      case "double" -> "0.0";
      default -> "null";
    };
  }

  /** Text safe to put in a {@code //} comment: one line, no unicode escapes. */
  public static String comment(String text) {
    String t = text.replace("\\", "\\\\").replace('\r', ' ').replace('\n', ' ');
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }

  private static String boxedOf(String javaType) {
    return switch (javaType) {
      case "boolean" -> "Boolean";
      case "byte" -> "Byte";
      case "short" -> "Short";
      case "int" -> "Integer";
      case "long" -> "Long";
      case "float" -> "Float";
      case "double" -> "Double";
      default -> null;
    };
  }
}
