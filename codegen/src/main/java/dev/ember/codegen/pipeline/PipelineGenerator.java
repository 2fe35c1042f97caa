package dev.ember.codegen.pipeline;

import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.types.DataType;
import dev.ember.codegen.expr.CodegenContext;
import dev.ember.codegen.expr.ExprCode;
import dev.ember.codegen.expr.ExprCodegen;
import dev.ember.codegen.operator.Hashing;
import dev.ember.codegen.pipeline.PipelineSpec.Column;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Generates the Java source of one pipeline: a subclass of {@link PipelineBase} whose
 * {@code process} loops over a batch's rows with every fused operator inlined (produce/consume
 * style): column values live in locals, a filter is a {@code continue}, a join probe is a loop
 * over matching build rows around the rest of the pipeline, and the sink writes output vectors
 * or updates the aggregation table in place. Literal values go to the references array, so the
 * source depends only on the pipeline's shape and is compiled once per shape.
 */
public final class PipelineGenerator {
  private static final String H = Hashing.class.getName();
  private static final String KEYS = "dev.ember.codegen.operator.VectorKeys";
  private static final String UTF8 = "dev.ember.catalyst.types.Utf8String";

  /** Source plus the values its {@code init} needs. */
  public record Generated(String className, String source, Object[] references) {}

  private final PipelineSpec spec;
  private final CodegenContext ctx;
  private final ColumnUsage usage;
  private final List<List<Column>> layouts;
  private final StringBuilder fields = new StringBuilder();
  private final StringBuilder init = new StringBuilder();
  private final StringBuilder refreshOutput = new StringBuilder();
  private final StringBuilder batchSetup = new StringBuilder();
  private final java.util.Map<Integer, String[]> limitFields = new java.util.HashMap<>();

  private PipelineGenerator(PipelineSpec spec, QueryClock clock) {
    this.spec = spec;
    this.ctx = new CodegenContext(clock);
    this.usage = ColumnUsage.of(spec);
    this.layouts = spec.layouts();
  }

  /** True when every expression of the pipeline has a generated form. */
  public static boolean supports(PipelineSpec spec) {
    List<Expr> all = new ArrayList<>();
    for (PipelineSpec.Step s : spec.steps()) {
      if (s instanceof PipelineSpec.FilterStep f) all.add(f.condition());
      if (s instanceof PipelineSpec.ProjectStep p) all.addAll(p.exprs());
      if (s instanceof PipelineSpec.ProbeStep p) {
        all.addAll(p.keys());
        if (p.residual() != null) all.add(p.residual());
      }
    }
    if (spec.sink() instanceof PipelineSpec.AggregateSink a) {
      all.addAll(a.keys());
      for (PipelineSpec.Update u : a.updates()) {
        if (u.input() != null) all.add(u.input());
        if (u.filter() != null) all.add(u.filter());
      }
    }
    return all.stream().allMatch(ExprCodegen::supports);
  }

  public static Generated generate(PipelineSpec spec, QueryClock clock) {
    return new PipelineGenerator(spec, clock).run();
  }

  private Generated run() {
    String className = "Pipeline_" + spec.name().replaceAll("[^A-Za-z0-9_]", "_");
    List<ExprCode> row = new ArrayList<>();
    String body = readInput(row) + step(0, row);
    String source = """
        public final class %s extends dev.ember.codegen.pipeline.PipelineBase {
        %s
        %s
          protected void initFields(Object[] refs) {
        %s
            refreshOutput();
          }

          private void refreshOutput() {
        %s
          }

          public void process(org.apache.arrow.vector.VectorSchemaRoot batch) {
            final int rowCount = batch.getRowCount();
        %s
            for (int i = 0; i < rowCount; i++) {
        %s
            }
          }
        %s
        }
        """.formatted(className, ctx.fieldDeclarations(), fields, ctx.initCode() + init, refreshOutput,
        batchSetup, indent(body, 6), ctx.methods());
    return new Generated(className, source, ctx.references());
  }

  // ---- input ---------------------------------------------------------------------------------

  /** Declares the input vectors; fills {@code row} and returns the per-row reads of the used columns. */
  private String readInput(List<ExprCode> row) {
    List<Column> input = spec.input();
    BitSet used = usage.atStep(0);
    StringBuilder reads = new StringBuilder("// Scan: read the columns the pipeline uses\n");
    for (int c = 0; c < input.size(); c++) {
      if (!used.get(c)) {
        row.add(null);
        continue;
      }
      DataType t = input.get(c).type();
      String vec = "in" + c;
      batchSetup.append("    final ").append(VectorCode.vectorClass(t)).append(' ').append(vec).append(" = (")
          .append(VectorCode.vectorClass(t)).append(") batch.getVector(").append(c).append(");\n");
      String direct = VectorCode.readBuffer(vec + "Data", "i", t);
      if (direct == null) {
        row.add(readCell(reads, vec, "i", t, input.get(c).nullable(), "c" + c));
        continue;
      }
      // Fixed-width input: read its buffers directly (no per-value null check inside get()).
      batchSetup.append("    final org.apache.arrow.memory.ArrowBuf ").append(vec).append("Data = ").append(vec)
          .append(".getDataBuffer();\n");
      String value = ctx.freshName("c" + c);
      String javaType = CodegenContext.javaType(t);
      if (!input.get(c).nullable()) {
        reads.append("final ").append(javaType).append(' ').append(value).append(" = ").append(direct).append(";\n");
        row.add(new ExprCode("", "false", value));
        continue;
      }
      batchSetup.append("    final org.apache.arrow.memory.ArrowBuf ").append(vec).append("Validity = ").append(vec)
          .append(".getValidityBuffer();\n");
      String isNull = value + "IsNull";
      reads.append("final boolean ").append(isNull).append(" = ((").append(vec).append("Validity.getByte(i >>> 3) >> (i & 7)) & 1) == 0;\n");
      reads.append("final ").append(javaType).append(' ').append(value).append(" = ").append(isNull).append(" ? ")
          .append(VectorCode.zero(t)).append(" : ").append(direct).append(";\n");
      row.add(new ExprCode("", isNull, value));
    }
    return reads.toString();
  }

  /** Emits locals holding one cell; returns their ExprCode. */
  private ExprCode readCell(StringBuilder out, String vec, String idx, DataType t, boolean nullable, String prefix) {
    String value = ctx.freshName(prefix);
    String javaType = CodegenContext.javaType(t);
    if (t.isString()) return readStringCell(out, vec, idx, nullable, value);
    if (!nullable) {
      out.append("final ").append(javaType).append(' ').append(value).append(" = ")
          .append(VectorCode.read(vec, idx, t)).append(";\n");
      return new ExprCode("", "false", value);
    }
    String isNull = value + "IsNull";
    out.append("final boolean ").append(isNull).append(" = ").append(vec).append(".isNull(").append(idx).append(");\n");
    out.append("final ").append(javaType).append(' ').append(value).append(" = ").append(isNull).append(" ? ")
        .append(VectorCode.zero(t)).append(" : ").append(VectorCode.read(vec, idx, t)).append(";\n");
    return new ExprCode("", isNull, value);
  }

  /**
   * A string cell read lazily: copied out of the vector (once) only where an expression needs a
   * Utf8String; hashing, key comparison and output copy it in place ({@link CodegenContext#stringCell}).
   * Rows a filter drops never copy their strings.
   */
  private ExprCode readStringCell(StringBuilder out, String vec, String idx, boolean nullable, String value) {
    String isNull = "false";
    if (nullable) {
      isNull = value + "IsNull";
      out.append("final boolean ").append(isNull).append(" = ").append(vec).append(".isNull(").append(idx).append(");\n");
    }
    out.append(UTF8).append(' ').append(value).append(" = null;\n");
    String expr = "(" + value + " != null ? " + value + " : (" + value + " = " + UTF8 + ".wrap(" + vec + ".get(" + idx
        + "))))";
    ctx.registerStringCell(expr, vec, idx);
    return new ExprCode("", isNull, expr);
  }

  // ---- steps ---------------------------------------------------------------------------------

  private String step(int index, List<ExprCode> row) {
    if (index == spec.steps().size()) return sink(row);
    PipelineSpec.Step s = spec.steps().get(index);
    if (s instanceof PipelineSpec.FilterStep f) return filter(index, f, row);
    if (s instanceof PipelineSpec.ProjectStep p) return project(index, p, row);
    if (s instanceof PipelineSpec.LimitStep l) return limit(index, l, row);
    if (s instanceof PipelineSpec.ProbeStep p) return probe(index, p, row);
    throw new IllegalStateException("unknown step " + s);
  }

  private ExprCode gen(Expr e, List<ExprCode> row) {
    return ExprCodegen.generate(e, ctx, (c, ordinal, type, nullable) -> {
      ExprCode col = row.get(ordinal);
      if (col == null) throw new IllegalStateException("column " + ordinal + " was not read");
      return col;
    });
  }

  private String filter(int index, PipelineSpec.FilterStep f, List<ExprCode> row) {
    ExprCode c = gen(f.condition(), row);
    return "// Filter\n" + c.code() + "\nif (" + c.isNull() + " || !(" + c.value()
        + ")) continue;\n" + step(index + 1, row);
  }

  private String project(int index, PipelineSpec.ProjectStep p, List<ExprCode> row) {
    StringBuilder sb = new StringBuilder("// Project\n");
    BitSet used = usage.atStep(index + 1);
    List<ExprCode> next = new ArrayList<>();
    for (int i = 0; i < p.exprs().size(); i++) {
      if (!used.get(i)) {
        next.add(null);
        continue;
      }
      Expr e = p.exprs().get(i);
      ExprCode c = gen(e, row);
      next.add(assign(sb, c, e.dataType(), "p"));
    }
    return sb + step(index + 1, next);
  }

  /** Copies an expression's result into fresh final locals. */
  private ExprCode assign(StringBuilder sb, ExprCode c, DataType t, String prefix) {
    sb.append(c.code()).append('\n');
    if (ctx.wideRegister(c.value()) != null || ctx.stringCell(c.value()) != null) {
      // A wide decimal in a register or a string in its vector: keep it there (materialised only if
      // read as a BigDecimal or Utf8String).
      String isNull = ctx.freshName(prefix) + "IsNull";
      sb.append("final boolean ").append(isNull).append(" = ").append(c.isNull()).append(";\n");
      return new ExprCode("", isNull, c.value());
    }
    String value = ctx.freshName(prefix);
    String isNull = value + "IsNull";
    sb.append("final boolean ").append(isNull).append(" = ").append(c.isNull()).append(";\n");
    sb.append("final ").append(CodegenContext.javaType(t)).append(' ').append(value).append(" = ").append(isNull)
        .append(" ? ").append(VectorCode.zero(t)).append(" : ").append(c.value()).append(";\n");
    return new ExprCode("", isNull, value);
  }

  private String limit(int index, PipelineSpec.LimitStep l, List<ExprCode> row) {
    // One counter per step, declared once however often the step's code is generated.
    String[] names = limitFields.computeIfAbsent(index, i -> {
      String count = ctx.addField("long", "limitCount", null);
      return new String[] {count, ctx.addReference(l.limit(), "long", "limit")};
    });
    String count = names[0], max = names[1];
    return "// Limit\nif (++" + count + " > " + max + ") { done = true; return; }\n"
        + step(index + 1, row) + "if (" + count + " >= " + max + ") { done = true; return; }\n";
  }

  private String probe(int index, PipelineSpec.ProbeStep p, List<ExprCode> row) {
    String table = "joinTable" + p.table();
    if (init.indexOf(" " + table + " = ") < 0) {
      fields.append("  private dev.ember.codegen.operator.JoinHashTable ").append(table).append(";\n");
      init.append("    ").append(table).append(" = joinTables[").append(p.table()).append("];\n");
    }
    StringBuilder sb = new StringBuilder("// HashJoin probe (" + p.joinType() + ")\n");
    List<ExprCode> keys = new ArrayList<>();
    for (Expr k : p.keys()) keys.add(assign(sb, gen(k, row), k.dataType(), "key"));
    String hash = ctx.freshName("hash");
    StringBuilder anyNull = new StringBuilder("false");
    StringBuilder hashing = new StringBuilder();
    hashing.append("  int ").append(hash).append(" = ").append(H).append(".SEED;\n");
    for (int i = 0; i < keys.size(); i++) {
      DataType t = p.keys().get(i).dataType();
      anyNull.append(" || ").append(keys.get(i).isNull());
      hashing.append("  ").append(hash).append(" = ").append(H).append(".combine(").append(hash).append(", ")
          .append(hashOf(keys.get(i).value(), t)).append(");\n");
    }
    hashing.append("  ").append(hash).append(" = ").append(H).append(".finish(").append(hash).append(");\n");
    if (p.joinType() == JoinType.LEFT) return sb + leftProbe(index, p, row, keys, anyNull.toString(), hashing.toString(), hash);
    String matched = ctx.freshName("matched");
    String e = ctx.freshName("entry"), b = ctx.freshName("batch"), r = ctx.freshName("row");
    sb.append("boolean ").append(matched).append(" = false;\n");
    // NULL keys never match, and are not hashed.
    sb.append("if (!(").append(anyNull).append(")) {\n").append(hashing);
    sb.append("  for (int ").append(e).append(" = ").append(table).append(".first(").append(hash).append("); ")
        .append(e).append(" >= 0; ").append(e).append(" = ").append(table).append(".next(").append(e).append(")) {\n");
    StringBuilder loop = new StringBuilder();
    loop.append("if (").append(table).append(".hashAt(").append(e).append(") != ").append(hash).append(") continue;\n");
    loop.append("final int ").append(b).append(" = ").append(table).append(".batchAt(").append(e).append(");\n");
    loop.append("final int ").append(r).append(" = ").append(table).append(".rowAt(").append(e).append(");\n");
    for (int i = 0; i < keys.size(); i++) {
      int col = p.buildKeyColumns().get(i);
      DataType t = p.keys().get(i).dataType();
      String vec = buildVector(loop, p, col, b);
      loop.append("if (!").append(cellEquals(vec, r, keys.get(i).value(), t)).append(") continue;\n");
    }
    BitSet buildUsed = usage.buildColumns(index);
    List<ExprCode> joined = new ArrayList<>(row);
    for (int c = 0; c < p.build().size(); c++) {
      if (!buildUsed.get(c)) {
        joined.add(null);
        continue;
      }
      String vec = buildVector(loop, p, c, b);
      joined.add(readCell(loop, vec, r, p.build().get(c).type(), p.build().get(c).nullable(), "build"));
    }
    if (p.residual() != null) {
      ExprCode res = gen(p.residual(), joined);
      loop.append(res.code()).append("\nif (").append(res.isNull()).append(" || !(").append(res.value())
          .append(")) continue;\n");
    }
    loop.append(matched).append(" = true;\n");
    boolean semiOrAnti = p.joinType() == JoinType.LEFT_SEMI || p.joinType() == JoinType.LEFT_ANTI;
    if (semiOrAnti) {
      loop.append("break;\n");
    } else {
      loop.append(step(index + 1, joined));
    }
    sb.append(indent(loop.toString(), 4)).append("  }\n}\n");
    switch (p.joinType()) {
      case LEFT_SEMI -> sb.append("if (!").append(matched).append(") continue;\n").append(step(index + 1, row));
      case LEFT_ANTI -> sb.append("if (").append(matched).append(") continue;\n").append(step(index + 1, row));
      default -> { }
    }
    return sb.toString();
  }

  /**
   * A LEFT join probe that generates the rest of the pipeline once: a loop finds the next matching
   * build row (hash, keys, residual); the rest runs for it, or once with the build columns NULL
   * when the probe row matched nothing. Generating the rest inside the match loop and again for the
   * unmatched row, as an inner join's loop would, doubles the code per LEFT join: exponential in a
   * chain of them. A {@code continue} in the rest (a filter) returns to the loop, which resumes
   * after the current match; {@code matched} is set before the rest runs, so the NULL row runs once.
   */
  private String leftProbe(int index, PipelineSpec.ProbeStep p, List<ExprCode> row, List<ExprCode> keys,
      String anyNull, String hashing, String hash) {
    String table = "joinTable" + p.table();
    String matched = ctx.freshName("matched"), pad = ctx.freshName("pad");
    String e = ctx.freshName("entry"), b = ctx.freshName("batch"), r = ctx.freshName("row");
    StringBuilder sb = new StringBuilder();
    sb.append("boolean ").append(matched).append(" = false;\n");
    sb.append("int ").append(e).append(" = -1;\n");
    // The hash outlives the block that computes it: the search loop compares it.
    sb.append("int ").append(hash).append(" = 0;\n");
    // NULL keys never match, and are not hashed.
    sb.append("if (!(").append(anyNull).append(")) {\n").append(hashing.replace("int " + hash + " = ", hash + " = "));
    sb.append("  ").append(e).append(" = ").append(table).append(".first(").append(hash).append(");\n}\n");
    sb.append("while (true) {\n");
    StringBuilder body = new StringBuilder();
    body.append("int ").append(b).append(" = -1, ").append(r).append(" = -1;\n");
    StringBuilder search = new StringBuilder();
    search.append("if (").append(table).append(".hashAt(").append(e).append(") != ").append(hash).append(") continue;\n");
    search.append(b).append(" = ").append(table).append(".batchAt(").append(e).append(");\n");
    search.append(r).append(" = ").append(table).append(".rowAt(").append(e).append(");\n");
    for (int i = 0; i < keys.size(); i++) {
      int col = p.buildKeyColumns().get(i);
      DataType t = p.keys().get(i).dataType();
      String vec = buildVector(search, p, col, b);
      search.append("if (!").append(cellEquals(vec, r, keys.get(i).value(), t)).append(") continue;\n");
    }
    if (p.residual() != null) {
      List<ExprCode> candidate = new ArrayList<>(row);
      for (int c = 0; c < p.build().size(); c++) {
        String vec = buildVector(search, p, c, b);
        candidate.add(readCell(search, vec, r, p.build().get(c).type(), p.build().get(c).nullable(), "build"));
      }
      ExprCode res = gen(p.residual(), candidate);
      search.append(res.code()).append("\nif (").append(res.isNull()).append(" || !(").append(res.value())
          .append(")) continue;\n");
    }
    search.append("break;\n");
    body.append("for (; ").append(e).append(" >= 0; ").append(e).append(" = ").append(table).append(".next(").append(e)
        .append(")) {\n").append(indent(search.toString(), 2)).append("}\n");
    // No (further) match: done if some row already ran the rest, else run it once NULL-padded.
    body.append("if (").append(e).append(" < 0 && ").append(matched).append(") break;\n");
    body.append("final boolean ").append(pad).append(" = ").append(e).append(" < 0;\n");
    body.append(matched).append(" = true;\n");
    body.append("if (!").append(pad).append(") ").append(e).append(" = ").append(table).append(".next(").append(e)
        .append(");\n");
    BitSet buildUsed = usage.buildColumns(index);
    List<ExprCode> joined = new ArrayList<>(row);
    for (int c = 0; c < p.build().size(); c++) {
      if (!buildUsed.get(c)) {
        joined.add(null);
        continue;
      }
      joined.add(readPaddedCell(body, p, c, b, r, pad));
    }
    body.append(step(index + 1, joined));
    body.append("if (").append(pad).append(") break;\n");
    sb.append(indent(body.toString(), 2)).append("}\n");
    return sb.toString();
  }

  /** Reads build column {@code c} at ({@code b}, {@code r}), NULL when {@code pad} (no build row). */
  private ExprCode readPaddedCell(StringBuilder out, PipelineSpec.ProbeStep p, int c, String b, String r, String pad) {
    String field = buildColumnField(p, c);
    DataType t = p.build().get(c).type();
    String cls = VectorCode.vectorClass(t);
    String vec = ctx.freshName("buildVec");
    out.append("final ").append(cls).append(' ').append(vec).append(" = ").append(pad).append(" ? null : (")
        .append(cls).append(") ").append(field).append('[').append(b).append("];\n");
    String value = ctx.freshName("build");
    String isNull = value + "IsNull";
    out.append("final boolean ").append(isNull).append(" = ").append(pad).append(" || ").append(vec).append(".isNull(")
        .append(r).append(");\n");
    if (t.isString()) {
      out.append(UTF8).append(' ').append(value).append(" = null;\n");
      String expr = "(" + value + " != null ? " + value + " : (" + value + " = " + UTF8 + ".wrap(" + vec + ".get(" + r
          + "))))";
      ctx.registerStringCell(expr, vec, r);
      return new ExprCode("", isNull, expr);
    }
    out.append("final ").append(CodegenContext.javaType(t)).append(' ').append(value).append(" = ").append(isNull)
        .append(" ? ").append(VectorCode.zero(t)).append(" : ").append(VectorCode.read(vec, r, t)).append(";\n");
    return new ExprCode("", isNull, value);
  }

  /** The field holding build column {@code col}'s vectors (one per build batch), declared on first use. */
  private String buildColumnField(PipelineSpec.ProbeStep p, int col) {
    String field = "joinTable" + p.table() + "Col" + col;
    if (init.indexOf(" " + field + " = ") < 0) {
      fields.append("  private org.apache.arrow.vector.FieldVector[] ").append(field).append(";\n");
      init.append("    ").append(field).append(" = joinTables[").append(p.table()).append("].column(").append(col)
          .append(");\n");
    }
    return field;
  }

  /** Declares (once per use) a local holding build column {@code col} of batch {@code b}. */
  private String buildVector(StringBuilder out, PipelineSpec.ProbeStep p, int col, String b) {
    String field = buildColumnField(p, col);
    DataType t = p.build().get(col).type();
    String local = ctx.freshName("buildVec");
    out.append("final ").append(VectorCode.vectorClass(t)).append(' ').append(local).append(" = (")
        .append(VectorCode.vectorClass(t)).append(") ").append(field).append('[').append(b).append("];\n");
    return local;
  }

  // ---- sinks ---------------------------------------------------------------------------------

  private String sink(List<ExprCode> row) {
    if (spec.sink() instanceof PipelineSpec.OutputSink) return output(row);
    return aggregate((PipelineSpec.AggregateSink) spec.sink(), row);
  }

  private String output(List<ExprCode> row) {
    List<Column> layout = layouts.get(layouts.size() - 1);
    StringBuilder sb = new StringBuilder("// Output\n");
    String at = ctx.freshName("outRow");
    sb.append("final int ").append(at).append(" = out.row();\n");
    for (int c = 0; c < layout.size(); c++) {
      DataType t = layout.get(c).type();
      String vec = "outVec" + c;
      if (refreshOutput.indexOf(" " + vec + " = ") < 0) {
        fields.append("  private ").append(VectorCode.vectorClass(t)).append(' ').append(vec).append(";\n");
        refreshOutput.append("    if (out != null) ").append(vec).append(" = (").append(VectorCode.vectorClass(t))
            .append(") out.vector(").append(c).append(");\n");
      }
      ExprCode v = row.get(c);
      if (v.isNull().equals("true")) {
        sb.append(vec).append(".setNull(").append(at).append(");\n");
        continue;
      }
      sb.append("if (").append(v.isNull()).append(") ").append(vec).append(".setNull(").append(at).append("); else ")
          .append(write(vec, at, t, v.value())).append('\n');
    }
    sb.append("if (out.rowDone()) refreshOutput();\n");
    return sb.toString();
  }

  private String aggregate(PipelineSpec.AggregateSink agg, List<ExprCode> row) {
    StringBuilder sb = new StringBuilder("// HashAggregate: find or add the group, then update it\n");
    String g = ctx.freshName("group");
    List<ExprCode> keys = new ArrayList<>();
    for (Expr k : agg.keys()) keys.add(assign(sb, gen(k, row), k.dataType(), "groupKey"));
    if (keys.isEmpty()) {
      sb.append("final int ").append(g).append(" = 0;\n");
    } else {
      String hash = ctx.freshName("hash"), slot = ctx.freshName("slot");
      sb.append("int ").append(hash).append(" = ").append(H).append(".SEED;\n");
      StringBuilder equal = new StringBuilder("true");
      StringBuilder writes = new StringBuilder();
      for (int i = 0; i < keys.size(); i++) {
        DataType t = agg.keys().get(i).dataType();
        ExprCode k = keys.get(i);
        String kv = "keyVec" + i;
        if (init.indexOf(" " + kv + " = ") < 0) {
          fields.append("  private ").append(VectorCode.vectorClass(t)).append(' ').append(kv).append(";\n");
          init.append("    ").append(kv).append(" = (").append(VectorCode.vectorClass(t)).append(") agg.key(").append(i)
              .append(");\n");
        }
        sb.append(hash).append(" = ").append(H).append(".combine(").append(hash).append(", ").append(k.isNull())
            .append(" ? ").append(H).append(".NULL_HASH : ").append(hashOf(k.value(), t)).append(");\n");
        equal.append(" && (").append(k.isNull()).append(" ? ").append(kv).append(".isNull(").append(g).append(") : (!")
            .append(kv).append(".isNull(").append(g).append(") && ")
            .append(cellEquals(kv, g, k.value(), t)).append("))");
        writes.append("      if (").append(k.isNull()).append(") ").append(kv).append(".setNull(").append(g)
            .append("); else ").append(write(kv, g, t, k.value())).append('\n');
      }
      sb.append(hash).append(" = ").append(H).append(".finish(").append(hash).append(");\n");
      sb.append("int ").append(slot).append(" = agg.probeStart(").append(hash).append(");\n");
      sb.append("int ").append(g).append(";\n");
      sb.append("while (true) {\n");
      sb.append("  ").append(g).append(" = agg.groupAt(").append(slot).append(");\n");
      sb.append("  if (").append(g).append(" < 0) {\n");
      sb.append("    ").append(g).append(" = agg.insert(").append(slot).append(", ").append(hash).append(");\n");
      sb.append(writes);
      sb.append("    break;\n  }\n");
      sb.append("  if (agg.hashAt(").append(slot).append(") == ").append(hash).append(" && ").append(equal)
          .append(") break;\n");
      sb.append("  ").append(slot).append(" = agg.nextSlot(").append(slot).append(");\n}\n");
    }
    for (int i = 0; i < agg.updates().size(); i++) sb.append(update(i, agg.updates().get(i), g, row));
    return sb.toString();
  }

  private String update(int i, PipelineSpec.Update u, String g, List<ExprCode> row) {
    String acc = "acc" + i;
    String cls = Accumulators.classFor(u).getName();
    if (init.indexOf(" " + acc + " = ") < 0) {
      fields.append("  private ").append(cls).append(' ').append(acc).append(";\n");
      init.append("    ").append(acc).append(" = (").append(cls).append(") agg.accumulator(").append(i).append(");\n");
    }
    StringBuilder sb = new StringBuilder("// update " + u.kind() + (u.merge() ? " (merge)" : "") + "\n");
    String call;
    ExprCode in = u.input() == null ? null : gen(u.input(), row);
    if (in != null) sb.append(in.code()).append('\n');
    String guard = in == null ? "true" : "!" + in.isNull();
    switch (u.kind()) {
      case COUNT_ROWS, COUNT_VALUES -> call = acc + ".add(" + g + ", " + (u.merge() && in != null ? in.value() : "1L") + ");";
      case SUM -> {
        DataType bt = u.bufferType();
        DataType it = u.input().dataType();
        String register = ctx.wideRegister(in.value());
        if (bt.isDecimal() && register != null && bt.scale() == it.scale()) {
          call = acc + ".updateWide(" + g + ", " + register + ".hi, " + register + ".lo);";
        } else if (bt.isDecimal()) {
          call = acc + (it.isLongDecimal() ? ".updateLong(" : ".updateObject(") + g + ", " + in.value() + ");";
        } else if (bt.isFloatingPoint()) {
          call = acc + ".updateDouble(" + g + ", (double) " + in.value() + ");";
        } else {
          call = acc + ".updateLong(" + g + ", (long) " + in.value() + ");";
        }
      }
      default -> call = acc + ".updateObject(" + g + ", " + box(in.value(), u.input().dataType()) + ");";
    }
    String body = "if (" + guard + ") " + call + "\n";
    if (u.filter() != null) {
      ExprCode f = gen(u.filter(), row);
      return sb + f.code() + "\nif (!" + f.isNull() + " && " + f.value() + ") {\n" + indent(body, 2) + "}\n";
    }
    return sb + body;
  }

  private static String box(String value, DataType t) {
    Class<?> c = t.javaClass();
    if (!c.isPrimitive()) return value;
    return t.boxedClass().getName() + ".valueOf(" + value + ")";
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** The hash of a non-null key value; strings still in their vector are hashed in place. */
  private String hashOf(String value, DataType t) {
    String[] cell = ctx.stringCell(value);
    if (cell != null) return KEYS + ".hashUtf8(" + cell[0] + ", " + cell[1] + ")";
    return H + "." + Hashing.methodFor(t) + "(" + value + ")";
  }

  /** Whether cell {@code idx} of {@code vec} equals the key {@code value}, in place for vector strings. */
  private String cellEquals(String vec, String idx, String value, DataType t) {
    String[] cell = ctx.stringCell(value);
    if (cell != null) return KEYS + ".cellsEqual(" + vec + ", " + idx + ", " + cell[0] + ", " + cell[1] + ")";
    return VectorCode.cellEquals(vec, idx, value, t);
  }

  /** Writes a non-null value; a string still in its vector is copied vector to vector ({@link dev.ember.codegen.operator.VectorCopy}). */
  private String write(String vec, String idx, DataType t, String value) {
    String[] cell = ctx.stringCell(value);
    if (cell != null) {
      return "dev.ember.codegen.operator.VectorCopy.appendVarWidth(" + vec + ", " + idx + ", " + cell[0] + ", "
          + cell[1] + ");";
    }
    return VectorCode.write(vec, idx, t, value);
  }

  private static String indent(String code, int spaces) {
    String pad = " ".repeat(spaces);
    StringBuilder sb = new StringBuilder();
    for (String line : code.split("\n", -1)) {
      if (!line.isEmpty()) sb.append(pad).append(line);
      sb.append('\n');
    }
    return sb.toString();
  }
}
