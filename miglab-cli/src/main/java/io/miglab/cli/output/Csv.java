package io.miglab.cli.output;

import java.util.List;

/** RFC 4180 quoting: a cell with a comma, quote or line break is quoted, quotes doubled. */
public final class Csv {
    private Csv() { }

    public static String cell(String s) {
        return needsQuotes(s) ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Appends {@link #cell}'s text to {@code out}. */
    public static void appendCell(StringBuilder out, String s) {
        if (needsQuotes(s)) out.append(cell(s));
        else out.append(s);
    }

    static boolean needsQuotes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
        }
        return false;
    }

    public static String line(List<String> cells) {
        StringBuilder line = new StringBuilder(16 * cells.size());
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) line.append(',');
            line.append(cell(cells.get(i)));
        }
        return line.toString();
    }
}
