package dev.ember.codegen.pipeline;

import dev.ember.codegen.operator.AggHashTable;
import dev.ember.codegen.operator.BatchBuilder;
import dev.ember.codegen.operator.JoinHashTable;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The hand-written part of every generated pipeline class: wiring to its resources and the
 * done flag. Generated subclasses fill in {@link #initFields} (typed fields for literals,
 * vectors and accumulators) and {@link #process} (the loop over a batch's rows).
 */
public abstract class PipelineBase implements Pipeline {
  protected Object[] references;
  protected JoinHashTable[] joinTables;
  protected BatchBuilder out;
  protected AggHashTable agg;
  protected boolean done;

  /** Called once, before the first batch. */
  public final void init(Object[] refs, PipelineResources resources) {
    this.references = refs;
    this.joinTables = resources.joinTables().toArray(new JoinHashTable[0]);
    this.out = resources.output();
    this.agg = resources.aggregation();
    initFields(refs);
  }

  protected abstract void initFields(Object[] refs);

  @Override public abstract void process(VectorSchemaRoot batch);

  @Override public boolean done() { return done; }

  @Override public boolean generated() { return true; }
}
