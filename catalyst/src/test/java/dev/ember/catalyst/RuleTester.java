package dev.ember.catalyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ember.catalyst.optimizer.PlanInvariants;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.Batch;
import dev.ember.catalyst.rules.Rule;
import dev.ember.catalyst.rules.RuleExecutor;
import java.util.List;
import java.util.Set;

/**
 * Runs only the rules under test (as one fixed-point batch, with {@link PlanInvariants} checked
 * after every change) and compares plan strings:
 * <pre>
 * tester.check(plan).before("""
 *     Filter [(a > 1)]
 *       Scan t [a]
 *     """).after("""
 *     Scan t [a], filters=[(a > 1)]
 *     """);
 * </pre>
 * {@code after} also checks that running the rules again changes nothing.
 */
public final class RuleTester {
  private final RuleExecutor<LogicalPlan> executor;

  private RuleTester(List<Rule<LogicalPlan>> rules) {
    this.executor = new RuleExecutor<>(List.of(new Batch<>("under test", 100, rules)), Set.of(),
        PlanInvariants::check);
  }

  @SafeVarargs
  public static RuleTester of(Rule<LogicalPlan>... rules) { return new RuleTester(List.of(rules)); }

  public Check check(LogicalPlan plan) { return new Check(plan); }

  public Check check(PlanBuilder plan) { return check(plan.build()); }

  /** Asserts the rules leave {@code plan} alone: the very same object comes back. */
  public void checkUnchanged(LogicalPlan plan) {
    LogicalPlan out = executor.execute(plan);
    if (out != plan) assertEquals(plan.treeString(), out.treeString(), "the rules should not fire");
    assertSame(plan, out, "the rules rebuilt an equal plan instead of returning it unchanged");
  }

  public void checkUnchanged(PlanBuilder plan) { checkUnchanged(plan.build()); }

  /** Runs the rules and returns the result, for assertions beyond plan strings. */
  public LogicalPlan run(LogicalPlan plan) { return executor.execute(plan); }

  /** One plan under test. */
  public final class Check {
    private final LogicalPlan plan;

    private Check(LogicalPlan plan) {
      this.plan = plan;
      PlanInvariants.checkReferences(plan);
    }

    /** Asserts the input plan's string (documents the test's starting point). */
    public Check before(String expected) {
      assertEquals(normalize(expected), normalize(plan.treeString()), "plan before the rules");
      return this;
    }

    /** Runs the rules and asserts the resulting plan's string; returns the result. */
    public LogicalPlan after(String expected) {
      LogicalPlan out = executor.execute(plan);
      assertEquals(normalize(expected), normalize(out.treeString()), "plan after the rules");
      assertSame(out, executor.execute(out), "a second run of the rules changed the plan again");
      return out;
    }
  }

  private static String normalize(String s) { return s.stripTrailing() + "\n"; }
}
