package dev.ember.codegen.expr;

import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BinaryOp.Op;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.eval.ArithKind;
import dev.ember.catalyst.types.DataType;
import dev.ember.codegen.operator.WideDecimal;

/**
 * Wide-decimal arithmetic (DECIMAL(p &gt; 18) results of {@code +}, {@code -}, {@code *} that need
 * no rounding) computed on 128-bit {@link WideDecimal} registers instead of BigDecimal. Operands
 * are long decimals (any expression) or such operations themselves, so a whole tree like
 * {@code price * (1 - discount) * (1 + tax)} runs without allocating. The result's
 * {@code value} is a BigDecimal built only where a consumer asks for it; consumers that can take
 * the two words (the decimal sum) find the register through {@link CodegenContext#wideRegister}.
 */
final class WideDecimalGen {
  private static final String WIDE = WideDecimal.class.getName();

  private WideDecimalGen() {}

  /** Whether {@code e} is a wide decimal operation this class computes exactly as the BigDecimal path. */
  static boolean supports(Expr e) {
    if (!(e instanceof BinaryOp b)) return false;
    DataType t = b.type(), l = b.left().dataType(), r = b.right().dataType();
    if (!t.isDecimal() || t.isLongDecimal() || !l.isDecimal() || !r.isDecimal() || t.precision() > 38) return false;
    if (ArithKind.of(b.op(), l, r, t) != ArithKind.DECIMAL_BIG) return false;
    boolean exactScale = switch (b.op()) {
      case ADD, SUBTRACT -> t.scale() == Math.max(l.scale(), r.scale());
      case MULTIPLY -> t.scale() == l.scale() + r.scale();
      default -> false;
    };
    return exactScale && operand(b.left()) && operand(b.right());
  }

  private static boolean operand(Expr e) {
    return e.dataType().isLongDecimal() || supports(unalias(e));
  }

  private static Expr unalias(Expr e) {
    return e instanceof Alias a ? unalias(a.child()) : e;
  }

  /** Code for a supported {@code b}: fills a register; the value is that register as BigDecimal. */
  static ExprCode generate(BinaryOp b, CodegenContext ctx, InputAccessor input) {
    Expr[] children = {b.left(), b.right()};
    ExprCode[] codes = new ExprCode[2];
    String[] registers = new String[2];
    for (int i = 0; i < 2; i++) {
      Expr c = unalias(children[i]);
      if (c.dataType().isLongDecimal()) {
        codes[i] = ExprCodegen.gen(children[i], ctx, input);
      } else {
        codes[i] = generate((BinaryOp) c, ctx, input);
        registers[i] = ctx.wideRegister(codes[i].value());
      }
    }
    DataType t = b.type();
    int sa = b.left().dataType().scale(), sb = b.right().dataType().scale();
    String register = ctx.addField(WIDE, "wide", "new " + WIDE + "()");
    String p = t.precision() + ", " + t.scale();
    String call;
    if (b.op() == Op.MULTIPLY) {
      if (registers[0] == null && registers[1] == null) {
        call = ".multiply(" + codes[0].value() + ", " + codes[1].value() + ", " + p + ")";
      } else if (registers[1] == null) {
        call = ".multiply(" + registers[0] + ", " + sa + ", " + codes[1].value() + ", " + sb + ", " + p + ")";
      } else if (registers[0] == null) {
        call = ".multiply(" + registers[1] + ", " + sb + ", " + codes[0].value() + ", " + sa + ", " + p + ")";
      } else {
        call = ".multiply(" + registers[0] + ", " + sa + ", " + registers[1] + ", " + sb + ", " + p + ")";
      }
    } else {
      call = ".addOrSubtract(" + (b.op() == Op.SUBTRACT) + ", " + operand(registers[0], codes[0]) + ", " + sa + ", "
          + operand(registers[1], codes[1]) + ", " + sb + ", " + p + ")";
    }
    String value = register + ".toBig(" + t.scale() + ")";
    ctx.registerWide(value, register);
    StringBuilder sb2 = new StringBuilder(ExprCodegen.comment(b));
    boolean anyNullable = !codes[0].nonNull() || !codes[1].nonNull();
    if (!anyNullable) {
      sb2.append(codes[0].code()).append(codes[1].code()).append(register).append(call).append(";\n");
      return new ExprCode(sb2.toString(), "false", value);
    }
    String n = ctx.freshName("isNull");
    sb2.append("boolean ").append(n).append(" = true;\n");
    int open = 0;
    for (ExprCode c : codes) {
      sb2.append(c.code());
      if (!c.nonNull()) {
        sb2.append("if (!").append(c.isNull()).append(") {\n");
        open++;
      }
    }
    sb2.append(n).append(" = false;\n").append(register).append(call).append(";\n");
    sb2.append("}\n".repeat(open));
    return new ExprCode(sb2.toString(), n, value);
  }

  private static String operand(String register, ExprCode code) {
    return register == null ? "null, " + code.value() : register + ", 0L";
  }
}
