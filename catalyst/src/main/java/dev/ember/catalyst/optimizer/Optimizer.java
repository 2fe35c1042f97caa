package dev.ember.catalyst.optimizer;

import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Batch;
import dev.ember.catalyst.rules.RuleExecutor;
import dev.ember.catalyst.rules.RuleExecutor.TraceEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Rewrites a resolved logical plan into an equivalent cheaper one by running batches of rules
 * ({@link #defaultBatches()}). The order of batches and of rules within a batch lives only here.
 *
 * <p>With {@link Config#checkInvariants()} (tests) every changing rule is checked by
 * {@link PlanInvariants}, and each batch is run a second time to prove it is done: a
 * {@code Once} batch must be idempotent and a fixed-point batch must have reached its fixed point.
 */
public final class Optimizer {
  /**
   * @param excludedRules rule names ({@code Rule.name()}) to skip, e.g. to bisect a bad rewrite
   * @param checkInvariants check every rule's result; meant for tests, costs time
   */
  public record Config(Set<String> excludedRules, boolean checkInvariants) {
    public static final Config DEFAULT = new Config(Set.of(), false);
    /** What tests use: every invariant checked. */
    public static final Config TESTING = new Config(Set.of(), true);

    public Config { excludedRules = Set.copyOf(excludedRules); }

    public Config excluding(String... rules) {
      Set<String> all = new java.util.HashSet<>(excludedRules);
      all.addAll(List.of(rules));
      return new Config(all, checkInvariants);
    }
  }

  private final Config config;
  private final List<Batch<LogicalPlan>> batches;

  public Optimizer() { this(Config.DEFAULT); }

  public Optimizer(Config config) { this(config, defaultBatches()); }

  public Optimizer(Config config, List<Batch<LogicalPlan>> batches) {
    this.config = config;
    this.batches = List.copyOf(batches);
  }

  /** The standard rule list. New rules go into the batch whose neighbours they need. */
  public static List<Batch<LogicalPlan>> defaultBatches() {
    return List.of(
        // First, so the planner never sees DISTINCT and the batches below tidy the two levels.
        Batch.once("Distinct aggregates", new RewriteDistinctAggregates()),
        // Filters travel down through projects, aggregates, windows, unions and joins (turning
        // comma joins into equi-joins), joins imply filters for their inputs, limits move down and
        // redundant operators go, while adjacent operators merge. Simplification runs in the same
        // loop because pushdown exposes new constant conjuncts and vice versa.
        Batch.fixedPoint("Operator optimization",
            // Expressions first: each pushdown below may expose constants and NULLs, and vice versa.
            new FoldConstants(),
            new NullPropagation(),
            new SimplifyBooleans(),
            new SimplifyCasts(),
            new SimplifyCaseWhen(),
            new SimplifyLike(),
            new ExtractCommonConjuncts(),
            new CombineFilters(),
            // Before the pushdowns: an outer join turned inner lets the filter above it move down.
            new EliminateOuterJoin(),
            // Uncorrelated scalar subqueries: LEFT JOIN ON TRUE to a one-row aggregate is a cross join.
            new EliminateOuterJoinOnNonEmptySide(),
            new PushFilterThroughProject(),
            new PushFilterThroughAggregate(),
            new PushFilterThroughWindow(),
            new PushFilterThroughUnion(),
            new PushFilterThroughJoin(),
            // After PushFilterThroughJoin has moved equalities into the join conditions it reads.
            new InferFiltersFromConstraints(),
            // Also after it: the disjunctions it reads are in the join conditions by then.
            new PushExtraPredicateThroughJoin(),
            new CombineProjects(),
            new RemoveRedundantProjects(),
            new CombineLimits(),
            new PushLimitThroughProject(),
            new PushLimitIntoUnion(),
            new PushLimitThroughOuterJoin(),
            new RemoveRedundantSorts(),
            new RemoveRedundantDistinct(),
            new RemoveRedundantAggregates()),
        // Only once filters are as low as they go: a condition inside a Scan moves no further.
        // Once every condition sits in its join group: reorder the group so no join needs a cross
        // product that a connected order avoids (before scans take their filters, which does not
        // matter to it, and before pruning, which must see the final shape).
        Batch.once("Join reorder",
            new dev.ember.catalyst.optimizer.cbo.CostBasedJoinReorder(), // with statistics; left-deep, connected
            new ReorderJoinsAvoidingCrossProducts()),
        Batch.once("Scan filter pushdown", new PushFiltersIntoScan()),
        // Last, because which columns an operator reads depends on where the filters ended up.
        Batch.once("Column pruning", new PruneColumns(), new RemoveRedundantProjects()));
  }

  public Config config() { return config; }

  public List<Batch<LogicalPlan>> batches() { return batches; }

  public LogicalPlan optimize(LogicalPlan plan) { return optimize(plan, new ArrayList<>()); }

  /** Optimizes {@code plan}, appending one entry per rule application to {@code trace} (EXPLAIN). */
  public LogicalPlan optimize(LogicalPlan plan, List<TraceEntry> trace) {
    BiConsumer<LogicalPlan, LogicalPlan> checker = config.checkInvariants() ? PlanInvariants::check : null;
    LogicalPlan current = plan;
    for (Batch<LogicalPlan> batch : batches) {
      RuleExecutor<LogicalPlan> executor = new RuleExecutor<>(List.of(batch), config.excludedRules(), checker);
      current = executor.execute(current, trace);
      if (config.checkInvariants()) checkDone(batch, executor, current);
    }
    return current;
  }

  private static void checkDone(Batch<LogicalPlan> batch, RuleExecutor<LogicalPlan> executor, LogicalPlan plan) {
    List<TraceEntry> again = new ArrayList<>();
    if (executor.execute(plan, again) == plan) return;
    String rules = again.stream().filter(TraceEntry::changed).map(TraceEntry::rule).distinct().toList().toString();
    throw new IllegalStateException("batch " + batch.name() + (batch.isOnce() ? " is not idempotent" :
        " did not reach a fixed point") + ": a second run changed the plan with " + rules + "\n"
        + plan.treeString());
  }
}
