package dev.ember.catalyst.expr;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Source of attribute ids. Ids only need to be unique within one query's plans; one counter for
 * the process makes them unique everywhere, so plans from different sources can be combined.
 */
public final class ExprIds {
  private static final AtomicLong NEXT = new AtomicLong(1);

  private ExprIds() {}

  public static long next() { return NEXT.getAndIncrement(); }
}
