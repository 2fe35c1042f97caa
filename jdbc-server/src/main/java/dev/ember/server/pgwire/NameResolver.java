package dev.ember.server.pgwire;

/**
 * What the rewriter asks the catalog for: the OIDs that {@code 'name'::regclass},
 * {@code 'name'::regtype} and {@code 'name'::regnamespace} stand for (-1 when there is none).
 */
public interface NameResolver {
  int relationOid(String name);

  int typeOid(String name);

  int namespaceOid(String name);

  /** Knows no names. */
  NameResolver NONE = new NameResolver() {
    @Override public int relationOid(String name) { return -1; }

    @Override public int typeOid(String name) { return -1; }

    @Override public int namespaceOid(String name) { return -1; }
  };
}
