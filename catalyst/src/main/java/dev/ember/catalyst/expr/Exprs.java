package dev.ember.catalyst.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small utilities over expression trees. */
public final class Exprs {
  private Exprs() {}

  /** Ids of every attribute the expression reads. */
  public static Set<Long> references(Expr e) {
    Set<Long> out = new LinkedHashSet<>();
    e.foreach(n -> {
      if (n instanceof AttributeRef a) out.add(a.id());
    });
    return out;
  }

  public static Set<Long> references(List<? extends Expr> es) {
    Set<Long> out = new LinkedHashSet<>();
    for (Expr e : es) out.addAll(references(e));
    return out;
  }

  public static Set<Long> ids(List<AttributeRef> attrs) {
    Set<Long> out = new LinkedHashSet<>();
    for (AttributeRef a : attrs) out.add(a.id());
    return out;
  }

  /** Replaces attributes by position in {@code input}: the physical form of an expression. */
  public static Expr bind(Expr e, List<AttributeRef> input) {
    Map<Long, Integer> pos = new HashMap<>();
    for (int i = 0; i < input.size(); i++) pos.putIfAbsent(input.get(i).id(), i);
    return e.transformUp(n -> {
      if (n instanceof AttributeRef a) {
        Integer i = pos.get(a.id());
        if (i == null) {
          throw new IllegalStateException("attribute " + a.name() + "#" + a.id() + " not in input "
              + input.stream().map(x -> x.name() + "#" + x.id()).toList());
        }
        return new BoundRef(i, a.type(), input.get(i).nullable());
      }
      return n;
    });
  }

  public static List<Expr> bind(List<? extends Expr> es, List<AttributeRef> input) {
    List<Expr> out = new ArrayList<>(es.size());
    for (Expr e : es) out.add(bind(e, input));
    return out;
  }

  /** Replaces references to the given attributes by the expressions they stand for. */
  public static Expr substitute(Expr e, Map<Long, Expr> byId) {
    return e.transformUp(n -> {
      if (n instanceof AttributeRef a) {
        Expr r = byId.get(a.id());
        if (r != null) return r;
      }
      return n;
    });
  }

  /** Strips a top-level alias. */
  public static Expr unalias(Expr e) { return e instanceof Alias a ? a.child() : e; }
}
