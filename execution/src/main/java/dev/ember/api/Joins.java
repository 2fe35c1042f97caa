package dev.ember.api;

import static dev.ember.api.ColumnSql.ident;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.execution.cache.PlanIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * DataFrame joins. A condition is typed by the SQL front end (compiled as the ON clause of an
 * inner join of the two inputs) and put into a {@link Join} of the requested type; a join on
 * column names merges the key columns as Spark does (the left key, the right one for a right
 * join, their COALESCE for a full join).
 */
final class Joins {
  private Joins() {}

  /** Spark's join type names; null for "cross". */
  static JoinType type(String name) {
    return switch (name.toLowerCase(Locale.ROOT).replace("_", "")) {
      case "inner" -> JoinType.INNER;
      case "left", "leftouter" -> JoinType.LEFT;
      case "right", "rightouter" -> JoinType.RIGHT;
      case "full", "outer", "fullouter" -> JoinType.FULL;
      case "leftsemi", "semi" -> JoinType.LEFT_SEMI;
      case "leftanti", "anti" -> JoinType.LEFT_ANTI;
      case "cross" -> null;
      default -> throw new EmberException(EmberException.SYNTAX_ERROR, "Unknown join type '" + name
          + "'. Supported: inner, cross, outer, full, fullouter, full_outer, left, leftouter, left_outer, right,"
          + " rightouter, right_outer, semi, leftsemi, left_semi, anti, leftanti, left_anti");
    };
  }

  static DataFrame cross(DataFrame left, DataFrame right) {
    Sides s = sides(left, right);
    return new DataFrame(left.state, new Join(left.plan, s.right, JoinType.INNER, Literal.TRUE), s.qualifiers);
  }

  static DataFrame on(DataFrame left, DataFrame right, Column condition, JoinType type) {
    Sides s = sides(left, right);
    if (type == null) type = JoinType.INNER;
    Scope scope = new Scope(List.of(s.l, s.r), s.qualifiers);
    Join j = extract(left, s, ColumnSql.sql(condition.node, scope));
    return new DataFrame(left.state, new Join(left.plan, s.right, type, j.condition()), s.qualifiers);
  }

  static DataFrame using(DataFrame left, DataFrame right, List<String> keys, JoinType type) {
    Sides s = sides(left, right);
    if (type == null) type = JoinType.INNER;
    Scope ls = new Scope(List.of(s.l), s.qualifiers);
    Scope rs = new Scope(List.of(s.r), s.qualifiers);
    List<String> conds = new ArrayList<>();
    List<String> items = new ArrayList<>();
    Set<Long> keyIds = new HashSet<>();
    for (String k : keys) {
      AttributeRef l = ls.resolve(k);
      AttributeRef r = rs.resolve(k);
      keyIds.add(l.id());
      keyIds.add(r.id());
      String lr = ls.sqlOf(l);
      String rr = rs.sqlOf(r);
      conds.add(lr + " = " + rr);
      String merged = switch (type) {
        case RIGHT -> rr;
        case FULL -> "COALESCE(" + lr + ", " + rr + ")";
        default -> lr;
      };
      items.add(merged + " AS " + ident(l.name()));
    }
    String on = conds.isEmpty() ? "TRUE" : String.join(" AND ", conds);
    if (!type.outputsRight()) {
      Join j = extract(left, s, on);
      return new DataFrame(left.state, new Join(left.plan, s.right, type, j.condition()), s.qualifiers);
    }
    for (AttributeRef a : left.plan.output()) if (!keyIds.contains(a.id())) items.add(ls.sqlOf(a) + " AS " + ident(a.name()));
    for (AttributeRef a : s.right.output()) if (!keyIds.contains(a.id())) items.add(rs.sqlOf(a) + " AS " + ident(a.name()));
    String kind = switch (type) {
      case LEFT -> "LEFT";
      case RIGHT -> "RIGHT";
      case FULL -> "FULL";
      default -> "INNER";
    };
    String sql = "SELECT " + String.join(", ", items) + " FROM " + ident(DataFrame.IN) + " " + kind + " JOIN "
        + ident(DataFrame.IN2) + " ON " + on;
    LogicalPlan plan = left.state.compile(List.of(s.l, s.r), sql).plan();
    return new DataFrame(left.state, Plans.withoutIdentityProjects(plan), s.qualifiers);
  }

  /** The inner join Calcite makes of the two inputs with {@code onSql}; its condition is what we want. */
  private static Join extract(DataFrame left, Sides s, String onSql) {
    String sql = "SELECT 1 FROM " + ident(DataFrame.IN) + " INNER JOIN " + ident(DataFrame.IN2) + " ON " + onSql;
    Join j = Plans.find(left.state.compile(List.of(s.l, s.r), sql).plan(), Join.class);
    if (j == null || j.left() != left.plan || j.right() != s.right) {
      throw EmberException.notSupported("this join condition in the DataFrame API (join without it, then filter)");
    }
    return j;
  }

  /** The right input with ids of its own (a self-join would otherwise confuse the sides). */
  static LogicalPlan distinctIds(LogicalPlan left, LogicalPlan right) {
    Set<Long> l = PlanIds.defined(left);
    for (Long id : PlanIds.defined(right)) if (l.contains(id)) return PlanIds.freshen(right);
    return right;
  }

  private record Sides(PlanInput l, PlanInput r, LogicalPlan right, Map<Long, Set<String>> qualifiers) {}

  private static Sides sides(DataFrame left, DataFrame right) {
    left.checkSameSession(right);
    Map<Long, Set<String>> q = new HashMap<>(left.qualifiers);
    LogicalPlan r = right.plan;
    Set<Long> l = PlanIds.defined(left.plan);
    boolean overlap = false;
    for (Long id : PlanIds.defined(r)) overlap |= l.contains(id);
    if (overlap) {
      PlanIds.Fresh fresh = PlanIds.freshenWithIds(r);
      r = fresh.plan();
      for (Map.Entry<Long, Set<String>> e : right.qualifiers.entrySet()) {
        Long id = fresh.ids().get(e.getKey());
        if (id != null) q.put(id, e.getValue());
      }
    } else {
      q.putAll(right.qualifiers);
    }
    return new Sides(PlanInput.of(DataFrame.IN, left.plan), PlanInput.of(DataFrame.IN2, r), r, q);
  }
}
