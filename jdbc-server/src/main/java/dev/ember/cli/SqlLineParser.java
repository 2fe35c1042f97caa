package dev.ember.cli;

import java.util.Locale;
import java.util.Set;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Tells JLine when the shell's input is complete: only once it ends with a {@code ;} that SQL
 * sees (not one inside a literal or comment), or is a shell command such as {@code exit}. Until
 * then Enter continues the input on a new line under the {@code ->} prompt. Word splitting for
 * completion is JLine's default.
 */
final class SqlLineParser extends DefaultParser {
  /** Commands of the shell itself; a trailing {@code ;} is optional. */
  static final Set<String> EXIT = Set.of("exit", "quit", "\\q");
  static final Set<String> HELP = Set.of("help", "\\?", "\\h");

  @Override public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && command(line) == null
        && StatementSplitter.split(line, 1, 1).incomplete()) {
      throw new EOFError(-1, -1, "statement not terminated by ';'", ";");
    }
    return super.parse(line, cursor, context);
  }

  /** The shell command {@code line} is ({@code exit}, {@code help}, …, lower case), or null. */
  static String command(String line) {
    String s = line.strip();
    if (s.endsWith(";")) s = s.substring(0, s.length() - 1).strip();
    s = s.toLowerCase(Locale.ROOT);
    return EXIT.contains(s) || HELP.contains(s) ? s : null;
  }
}
