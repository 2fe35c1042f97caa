package dev.ember.api;

import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names and defaults of the settings a session understands (any other key is kept as given). */
public final class Settings {
  public static final String SHUFFLE_PARTITIONS = "ember.sql.shuffle.partitions";
  public static final String BROADCAST_THRESHOLD = "ember.sql.autoBroadcastJoinThreshold";
  public static final String CODEGEN_ENABLED = "ember.codegen.enabled";
  public static final String BATCH_SIZE = "ember.execution.batchSize";
  public static final String EXCLUDED_RULES = "ember.optimizer.excludedRules";
  public static final String CATALOG_DIR = "ember.catalog.dir";
  /** Compressed bytes cached DataFrames and tables may hold in memory before the least recently used are evicted. */
  public static final String CACHE_MAX_BYTES = "ember.cache.maxBytes";

  private Settings() {}

  static Map<String, String> defaults(int parallelism) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(SHUFFLE_PARTITIONS, Integer.toString(Math.max(1, parallelism)));
    d.put(BROADCAST_THRESHOLD, Long.toString(10L * 1024 * 1024));
    d.put(CODEGEN_ENABLED, "true");
    d.put(BATCH_SIZE, "4096");
    d.put(EXCLUDED_RULES, "");
    d.put(CACHE_MAX_BYTES, Long.toString(256L * 1024 * 1024));
    d.put(CATALOG_DIR, Paths.get(System.getProperty("user.home"), ".ember", "catalog").toString());
    return d;
  }
}
