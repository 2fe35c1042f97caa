package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.CaseWhen;
import dev.ember.catalyst.expr.DecimalRules;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Union;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.TypeId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a converted plan against catalyst's contracts: every attribute an operator reads is an
 * output of its children (same id and type), and every expression meets the typing invariants
 * of {@link Expr}'s Javadoc (comparison operands of one type, arithmetic operand types, CASE and
 * IN element types, literal values of their type's representation).
 */
final class PlanChecks {
  private PlanChecks() {}

  static void check(LogicalPlan plan) {
    plan.foreach(node -> {
      Map<Long, AttributeRef> visible = new HashMap<>();
      for (LogicalPlan c : node.children()) for (AttributeRef a : c.output()) visible.put(a.id(), a);
      for (Expr e : node.expressions()) {
        e.foreach(x -> {
          if (x instanceof AttributeRef a && !node.children().isEmpty()) {
            AttributeRef in = visible.get(a.id());
            assertNotNull(in, () -> "attribute " + a.name() + "#" + a.id() + " of " + node.describe()
                + " is not an output of its children");
            assertEquals(in.type(), a.type(), () -> "type of " + a.name() + " in " + node.describe());
          }
          checkExpr(x, node);
        });
      }
      if (node instanceof Union u) {
        List<AttributeRef> first = u.inputs().get(0).output();
        for (LogicalPlan in : u.inputs()) {
          for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).type(), in.output().get(i).type(), "UNION column " + i);
          }
        }
      }
      if (node instanceof Join j) assertEquals(DataType.BOOLEAN, j.condition().dataType());
    });
  }

  private static void checkExpr(Expr x, LogicalPlan node) {
    String where = x.display() + " in " + node.describe();
    if (x instanceof Literal l && l.value() != null) {
      assertTrue(l.type().boxedClass().isInstance(l.value()), where);
    }
    if (x instanceof BinaryOp b) {
      DataType lt = b.left().dataType();
      DataType rt = b.right().dataType();
      if (b.op().isComparison()) {
        assertEquals(lt, rt, "comparison operands: " + where);
        assertEquals(DataType.BOOLEAN, b.type(), where);
      } else if (b.op() == BinaryOp.Op.AND || b.op() == BinaryOp.Op.OR) {
        assertEquals(DataType.BOOLEAN, lt, where);
        assertEquals(DataType.BOOLEAN, rt, where);
      } else if (b.op().isArithmetic()) {
        if (lt.isDatetime()) {
          assertTrue(rt.isInterval() || (lt.id() == TypeId.DATE && rt.id() == TypeId.DATE), where);
        } else if (b.type().isDecimal()) {
          assertTrue(lt.isDecimal() && rt.isDecimal(), "decimal operands: " + where);
          DataType expected = switch (b.op()) {
            case ADD, SUBTRACT -> DecimalRules.add(lt, rt);
            case MULTIPLY -> DecimalRules.multiply(lt, rt);
            case DIVIDE -> DecimalRules.divide(lt, rt);
            case MODULO -> DecimalRules.modulo(lt, rt);
            default -> throw new AssertionError();
          };
          assertEquals(expected, b.type(), "decimal result: " + where);
        } else {
          assertEquals(b.type(), lt, "arithmetic operand: " + where);
          assertEquals(b.type(), rt, "arithmetic operand: " + where);
        }
      }
    } else if (x instanceof InList in) {
      for (Expr e : in.list()) assertEquals(in.value().dataType(), e.dataType(), "IN element: " + where);
    } else if (x instanceof CaseWhen c) {
      for (Expr v : c.values()) assertEquals(c.type(), v.dataType(), "CASE value: " + where);
      assertEquals(c.type(), c.elseValue().dataType(), "CASE else: " + where);
      for (Expr cond : c.conditions()) assertEquals(DataType.BOOLEAN, cond.dataType(), "WHEN: " + where);
    } else if (x instanceof UnaryOp u && u.op() == UnaryOp.Op.NOT) {
      assertEquals(DataType.BOOLEAN, u.child().dataType(), where);
    }
  }
}
