package dev.ember.server.pgwire;

/** Format codes of Bind: none means all text, one applies to every column, else one each. */
final class Formats {
  static final short TEXT = 0;
  static final short BINARY = 1;

  private Formats() {}

  static short of(short[] formats, int column) {
    if (formats == null || formats.length == 0) return TEXT;
    return formats.length == 1 ? formats[0] : formats[column];
  }
}
