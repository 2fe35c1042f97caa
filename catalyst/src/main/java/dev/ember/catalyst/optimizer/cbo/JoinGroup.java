package dev.ember.catalyst.optimizer.cbo;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.Predicates;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Join;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A tree of inner joins seen as what can be reordered: its relations (the inputs that are not
 * themselves inner joins of the group) and all its join conditions, each with the set of
 * relations it reads as a bit mask. Only inner joins with deterministic conditions belong to a
 * group: moving outer, semi or anti joins changes their meaning.
 */
final class JoinGroup {
  final List<LogicalPlan> relations = new ArrayList<>();
  final List<Expr> conditions = new ArrayList<>();
  /** Per condition, the relations it reads (bit i: relation i). */
  final List<Integer> masks = new ArrayList<>();
  /** Per condition that is an equality of two sides reading disjoint relations, those two masks; else null. */
  final List<int[]> equiSides = new ArrayList<>();
  /** Whether the group as written is a left-deep tree (its order is then 0, 1, 2, …). */
  boolean leftDeep;

  static boolean isMember(LogicalPlan p) {
    return p instanceof Join j && j.type() == JoinType.INNER && j.condition().deterministic();
  }

  /** The group rooted at {@code top}, each relation passed through {@code relation} first. */
  static JoinGroup of(Join top, UnaryOperator<LogicalPlan> relation) {
    JoinGroup g = new JoinGroup();
    g.flatten(top, relation);
    g.leftDeep = leftDeep(top);
    for (Expr c : g.conditions) {
      g.masks.add(g.mask(c));
      int[] sides = null;
      if (c instanceof BinaryOp b && b.op() == BinaryOp.Op.EQ) {
        int l = g.mask(b.left()), r = g.mask(b.right());
        if (l != 0 && r != 0 && (l & r) == 0) sides = new int[] {l, r};
      }
      g.equiSides.add(sides);
    }
    return g;
  }

  /** Whether every join of the group has a relation on its right: its order is relations 0, 1, 2, … */
  private static boolean leftDeep(LogicalPlan p) {
    if (!isMember(p)) return true;
    Join j = (Join) p;
    return !isMember(j.right()) && leftDeep(j.left());
  }

  /** The relations {@code e} reads. */
  private int mask(Expr e) {
    Set<Long> refs = Exprs.references(e);
    int mask = 0;
    for (int i = 0; i < relations.size(); i++) {
      Set<Long> ids = Exprs.ids(relations.get(i).output());
      if (refs.stream().anyMatch(ids::contains)) mask |= 1 << i;
    }
    return mask;
  }

  private void flatten(LogicalPlan p, UnaryOperator<LogicalPlan> relation) {
    if (isMember(p)) {
      Join j = (Join) p;
      flatten(j.left(), relation);
      flatten(j.right(), relation);
      for (Expr c : Predicates.splitConjuncts(j.condition())) if (!c.equals(Literal.TRUE)) conditions.add(c);
    } else {
      relations.add(relation.apply(p));
    }
  }

  int size() { return relations.size(); }

  /** Relation {@code i} with the conditions that read only it applied on top. */
  LogicalPlan leaf(int i) {
    List<Expr> own = new ArrayList<>();
    for (int c = 0; c < conditions.size(); c++) if (masks.get(c) == 1 << i) own.add(conditions.get(c));
    return own.isEmpty() ? relations.get(i) : new Filter(Predicates.and(own), relations.get(i));
  }

  /**
   * Whether an equality joins relation {@code i} to the relations in {@code have}: one side reads
   * only {@code i}, the other only relations of {@code have}. Only such a condition gives a hash
   * join keys; any other condition across the two would leave a cross product with a filter.
   */
  boolean connects(int have, int i) {
    int me = 1 << i;
    for (int[] s : equiSides) {
      if (s == null) continue;
      if ((s[0] == me && (s[1] & ~have) == 0) || (s[1] == me && (s[0] & ~have) == 0)) return true;
    }
    return false;
  }

  /**
   * Whether some condition reads relation {@code i} and relations of {@code have}, and nothing
   * else: joining i then is no cross product, though the join has keys only when the condition is
   * an equality ({@link #connects}). A non-equi condition (TPC-DS q54's {@code d_month_seq <=
   * (scalar subquery)}) still ties a relation to the others as the statistics-free
   * {@code ReorderJoinsAvoidingCrossProducts} sees it, so both rules agree on what a cross product is.
   */
  boolean touches(int have, int i) {
    int me = 1 << i;
    for (int m : masks) if ((m & me) != 0 && (m & have) != 0 && (m & ~(have | me)) == 0) return true;
    return false;
  }

  /** Whether any relation outside {@code have} touches it ({@link #touches}). */
  boolean extensible(int have) {
    for (int i = 0; i < size(); i++) if ((have & 1 << i) == 0 && touches(have, i)) return true;
    return false;
  }

  /** {@code left ⋈ relation i} on the conditions that become evaluable when i joins {@code have}. */
  Join join(LogicalPlan left, int have, int i) {
    int with = have | 1 << i;
    List<Expr> here = new ArrayList<>();
    for (int c = 0; c < conditions.size(); c++) {
      int m = masks.get(c);
      if ((m & 1 << i) != 0 && (m & have) != 0 && (m & ~with) == 0) here.add(conditions.get(c));
    }
    return new Join(left, leaf(i), JoinType.INNER, Predicates.and(here));
  }

  /** Whether an equality has one side reading only relations of {@code a}, the other only of {@code b}. */
  boolean connectsSets(int a, int b) {
    for (int[] s : equiSides) {
      if (s == null) continue;
      if (((s[0] & ~a) == 0 && (s[1] & ~b) == 0) || ((s[0] & ~b) == 0 && (s[1] & ~a) == 0)) return true;
    }
    return false;
  }

  /** Whether the relations of {@code set} are connected by equalities (no cross product needed to join them). */
  boolean connected(int set) {
    int reached = Integer.lowestOneBit(set);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (int i = 0; i < size(); i++) {
        int me = 1 << i;
        if ((set & me) != 0 && (reached & me) == 0 && connects(reached, i)) {
          reached |= me;
          grew = true;
        }
      }
    }
    return reached == set;
  }

  /** {@code left ⋈ right} (joining the relations of {@code l} and {@code r}) on the conditions that read both. */
  Join join(LogicalPlan left, int l, LogicalPlan right, int r) {
    int with = l | r;
    List<Expr> here = new ArrayList<>();
    for (int c = 0; c < conditions.size(); c++) {
      int m = masks.get(c);
      if ((m & l) != 0 && (m & r) != 0 && (m & ~with) == 0) here.add(conditions.get(c));
    }
    return new Join(left, right, JoinType.INNER, Predicates.and(here));
  }

  /** Conditions that read no relation at all (constants), to apply above the joins. */
  List<Expr> constantConditions() {
    List<Expr> out = new ArrayList<>();
    for (int c = 0; c < conditions.size(); c++) if (masks.get(c) == 0) out.add(conditions.get(c));
    return out;
  }
}
