package io.miglab.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header row, a rule, then rows. The first column is left-aligned; another column is
 * right-aligned when at least half its cells start with a number, left-aligned otherwise.
 */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final String[] header;
    private boolean leftAlignAll;

    public TextTable(String... header) {
        this.header = header.clone();
    }

    /** For key/value listings, where values are text as much as numbers. */
    public TextTable leftAligned() {
        leftAlignAll = true;
        return this;
    }

    public TextTable row(Object... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.length);
        }
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) r[i] = String.valueOf(cells[i]);
        rows.add(r);
        return this;
    }

    public void print(PrintWriter out) {
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) width[i] = header[i].length();
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        boolean[] right = new boolean[header.length];
        for (int i = 1; i < header.length; i++) {
            int numeric = 0;
            for (String[] r : rows) if (numeric(r[i])) numeric++;
            right[i] = !leftAlignAll && 2 * numeric >= rows.size();
        }
        boolean hasHeader = false;
        for (String h : header) hasHeader |= !h.isEmpty();
        // the lines go out a few thousand characters at a time (a terminal's writer flushes at every println)
        StringBuilder text = new StringBuilder(1 << 14);
        if (hasHeader) {
            line(text, header, width, right);
            for (int i = 0; i < width.length; i++) {
                if (i > 0) text.append("  ");
                pad(text, '-', width[i]);
            }
            text.append(System.lineSeparator());
        }
        for (String[] r : rows) {
            line(text, r, width, right);
            if (text.length() >= 1 << 14) {
                out.write(text.toString());
                text.setLength(0);
            }
        }
        out.write(text.toString());
        out.flush();
    }

    /** Appends a line, its trailing blanks removed (as {@code String.stripTrailing}), and a line separator. */
    private static void line(StringBuilder out, String[] cells, int[] width, boolean[] right) {
        int start = out.length();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) out.append("  ");
            int pad = width[i] - cells[i].length();
            if (right[i]) pad(out, ' ', pad);
            out.append(cells[i]);
            if (!right[i] && i < cells.length - 1) pad(out, ' ', pad);
        }
        int end = out.length();
        while (end > start && Character.isWhitespace(out.charAt(end - 1))) end--;
        out.setLength(end);
        out.append(System.lineSeparator());
    }

    private static void pad(StringBuilder out, char c, int n) {
        for (int i = 0; i < n; i++) out.append(c);
    }

    /**
     * Whether a cell reads as a number: what {@code ^[-+]?[0-9][0-9.,]*(\s.*)?$|^=?$|^n/a$} matches (a sign, a digit,
     * digits, dots and commas, then nothing or a blank and text on one line), without a regular expression.
     */
    static boolean numeric(String s) {
        if (s.isEmpty() || s.equals("=") || s.equals("n/a")) return true;
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (i >= s.length() || !digit(s.charAt(i))) return false;
        for (i++; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!digit(c) && c != '.' && c != ',') break;
        }
        if (i == s.length()) return true;
        if (" \t\n\u000B\f\r".indexOf(s.charAt(i)) < 0) return false;
        for (i++; i < s.length(); i++) if ("\n\r\u0085\u2028\u2029".indexOf(s.charAt(i)) >= 0) return false;
        return true;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
