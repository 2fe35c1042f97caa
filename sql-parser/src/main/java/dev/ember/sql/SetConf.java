package dev.ember.sql;

/**
 * {@code SET key = value} (change a setting), {@code SET key} (show one; {@code value} null) or
 * {@code SET} (list all; both null).
 */
public record SetConf(String key, String value) implements Statement {
  public SetConf {
    if (key == null && value != null) throw new IllegalArgumentException("a value needs a key");
  }
}
