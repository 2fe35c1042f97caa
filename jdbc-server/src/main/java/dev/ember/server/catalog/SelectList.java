package dev.ember.server.catalog;

import java.util.ArrayList;
import java.util.List;

/** Splits the select list of a query text at top-level commas (outside parentheses and quotes). */
final class SelectList {
  private SelectList() {}

  /**
   * The items between the first {@code select} and the top-level {@code from} (or the end) of a
   * normalized (lower-case, single-spaced) query, or null when it does not start with select.
   */
  static List<String> items(String norm) {
    String s = norm.endsWith(";") ? norm.substring(0, norm.length() - 1).trim() : norm;
    if (!s.startsWith("select ")) return null;
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 7;
    boolean quote = false;
    boolean dquote = false;
    for (int i = 7; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote) {
        if (c == '\'') quote = false;
      } else if (dquote) {
        if (c == '"') dquote = false;
      } else if (c == '\'') {
        quote = true;
      } else if (c == '"') {
        dquote = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && c == ',') {
        out.add(s.substring(start, i).trim());
        start = i + 1;
      } else if (depth == 0 && s.startsWith(" from ", i)) {
        out.add(s.substring(start, i).trim());
        return out;
      }
    }
    out.add(s.substring(start).trim());
    return out;
  }


  /** The output name of a select item: its alias, else its last identifier, else ?column?. */
  static String name(String item) {
    int as = item.lastIndexOf(" as ");
    if (as >= 0) return item.substring(as + 4).trim().replace("\"", "");
    String bare = item.replaceAll("::[a-z_.]+$", "");
    if (bare.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")) return bare.substring(bare.lastIndexOf('.') + 1);
    int paren = bare.indexOf('(');
    if (paren > 0 && bare.substring(0, paren).matches("[a-z_.]+")) return bare.substring(bare.lastIndexOf('.', paren) + 1, paren);
    return "?column?";
  }
}
