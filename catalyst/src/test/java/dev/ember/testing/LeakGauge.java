package dev.ember.testing;

/**
 * Something a test can leave behind, measured process-wide: Arrow memory still allocated, spill
 * files not deleted. {@link LeakCheckExtension} reads every gauge on the test class path
 * (registered in {@code META-INF/services/dev.ember.testing.LeakGauge} by the module that owns
 * the resource, so this module need not know it) before and after each test and each test class.
 */
public interface LeakGauge {
  /** What is measured, for messages ("Arrow memory (bytes)"). */
  String name();

  /** The amount held right now. */
  long level();

  /** What is held right now, for a failure message (e.g. the allocators' tree); empty if nothing to add. */
  default String details() { return ""; }
}
