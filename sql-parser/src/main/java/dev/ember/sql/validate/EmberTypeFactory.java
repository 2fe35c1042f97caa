package dev.ember.sql.validate;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;

/**
 * Calcite's type factory with Ember's type system and UTF-8 as the character set of strings,
 * so literals such as {@code 'Grüße'} are accepted (Calcite's default is ISO-8859-1).
 */
public final class EmberTypeFactory extends JavaTypeFactoryImpl {
  public EmberTypeFactory() { super(EmberTypeSystem.INSTANCE); }

  @Override public Charset getDefaultCharset() { return StandardCharsets.UTF_8; }
}
