package dev.ember.planner.physical;

/**
 * The phase of a two-phase aggregation. PARTIAL turns input rows into per-group buffers within
 * each partition; FINAL merges buffers (after an exchange on the grouping keys) and computes
 * results; COMPLETE does both when all rows of a group are already in one partition.
 */
public enum AggMode { PARTIAL, FINAL, COMPLETE }
