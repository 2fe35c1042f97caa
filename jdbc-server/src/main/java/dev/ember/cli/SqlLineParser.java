package dev.ember.cli;

import java.util.Set;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Tells JLine when the shell's input is complete: only once it ends with a {@code ;} that SQL
 * sees (not one inside a literal or comment), or is a shell command such as {@code \d} or
 * {@code exit} (see {@link MetaCommands}). Until then Enter continues the input on a new line
 * under the {@code ->} prompt. For completion, words end at white space and at SQL's
 * punctuation ({@code ( ) , ; =} …), but not at dots, so {@code tpch.tiny.li} is one word.
 */
final class SqlLineParser extends DefaultParser {
  /** Commands of the shell itself; a trailing {@code ;} is optional. */
  static final Set<String> EXIT = Set.of("exit", "quit", "\\q");
  static final Set<String> HELP = Set.of("help", "\\?", "\\h");
  private static final String PUNCTUATION = "(),;=<>+*/|";

  SqlLineParser() {
    setEscapeChars(new char[0]); // a backslash starts a shell command; SQL does not escape with it
  }

  @Override public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !MetaCommands.isCommand(line)
        && StatementSplitter.split(line, 1, 1).incomplete()) {
      throw new EOFError(-1, -1, "statement not terminated by ';'", ";");
    }
    return super.parse(line, cursor, context);
  }

  @Override public boolean isDelimiterChar(CharSequence buffer, int pos) {
    return super.isDelimiterChar(buffer, pos) || PUNCTUATION.indexOf(buffer.charAt(pos)) >= 0;
  }
}
