package dev.ember.sql.convert;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.sql.validate.Validation;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.RelBuilder;

/**
 * Converts a validated query to Calcite relational algebra, then removes subqueries (into joins
 * and correlates), turns simple [NOT] EXISTS correlates into semi and anti joins
 * ({@link ExistsToSemiJoin}), decorrelates the rest, and moves window calls out of projections into window nodes.
 * No other Calcite rule runs: optimizing is Ember's job.
 */
public final class SqlToRel {
  private static final SqlToRelConverter.Config CONFIG = SqlToRelConverter.config()
      .withTrimUnusedFields(false)
      .withExpand(false)
      // Keep long IN lists as IN lists instead of joins with VALUES.
      .withInSubQueryThreshold(Integer.MAX_VALUE);

  private static final HepProgram REMOVE_SUBQUERIES = new HepProgramBuilder()
      .addRuleInstance(CoreRules.FILTER_SUB_QUERY_TO_CORRELATE)
      .addRuleInstance(CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE)
      .addRuleInstance(CoreRules.JOIN_SUB_QUERY_TO_CORRELATE)
      .build();

  /** Window calls (RexOver in projections) into LogicalWindow nodes, one group per specification. */
  private static final HepProgram WINDOWS = new HepProgramBuilder()
      .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
      .build();

  private SqlToRel() {}

  /** The relational form of a validated query, with the validated row type's fields. */
  public static RelNode convert(Validation validation, SqlNode validated) {
    HepPlanner planner = new HepPlanner(REMOVE_SUBQUERIES);
    RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(validation.typeFactory()));
    SqlToRelConverter converter = new SqlToRelConverter(
        (rowType, queryString, schemaPath, viewPath) -> {
          throw new IllegalStateException("Calcite views are not used: Ember expands its own");
        },
        validation.validator(), validation.catalogReader(), cluster, EmberConvertlets.INSTANCE, CONFIG);
    RelRoot root = converter.convertQuery(validated, false, true);
    RelNode rel = root.project();
    if (containsSubQuery(rel)) {
      planner.setRoot(rel);
      rel = planner.findBestExp();
      RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(cluster, validation.catalogReader());
      rel = ExistsToSemiJoin.rewrite(rel, relBuilder);
      try {
        rel = RelDecorrelator.decorrelateQuery(rel, relBuilder);
      } catch (RuntimeException e) {
        throw new EmberException(EmberException.FEATURE_NOT_SUPPORTED,
            "not supported: correlated subquery (" + e.getMessage() + ")", e);
      }
    }
    if (containsOver(rel)) {
      HepPlanner windows = new HepPlanner(WINDOWS);
      windows.setRoot(rel);
      rel = windows.findBestExp();
    }
    return rel;
  }

  private static boolean containsOver(RelNode rel) {
    if (rel instanceof org.apache.calcite.rel.core.Project p && RexOver.containsOver(p.getProjects(), null)) return true;
    for (RelNode input : rel.getInputs()) if (containsOver(input)) return true;
    return false;
  }

  private static boolean containsSubQuery(RelNode rel) {
    boolean[] found = {false};
    rel.accept(new RexShuttle() {
      @Override public RexNode visitSubQuery(RexSubQuery subQuery) {
        found[0] = true;
        return subQuery;
      }
    });
    if (found[0]) return true;
    for (RelNode input : rel.getInputs()) if (containsSubQuery(input)) return true;
    return false;
  }

  /** Calcite's own rendering, for tests and debugging. */
  public static String explain(RelNode rel) { return RelOptUtil.toString(rel); }
}
