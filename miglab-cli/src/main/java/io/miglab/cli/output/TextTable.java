package io.miglab.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plain-text table: a header row, a rule, then rows. The first column is left-aligned; another column is
 * right-aligned when at least half its cells start with a number, left-aligned otherwise.
 */
public final class TextTable {
    private static final Pattern NUMERIC = Pattern.compile("^[-+]?[0-9][0-9.,]*(\\s.*)?$|^[=]?$|^n/a$");
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
            for (String[] r : rows) if (NUMERIC.matcher(r[i]).matches()) numeric++;
            right[i] = !leftAlignAll && 2 * numeric >= rows.size();
        }
        boolean hasHeader = false;
        for (String h : header) hasHeader |= !h.isEmpty();
        if (hasHeader) {
            line(out, header, width, right);
            StringBuilder rule = new StringBuilder();
            for (int i = 0; i < width.length; i++) rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
            out.println(rule);
        }
        for (String[] r : rows) line(out, r, width, right);
        out.flush();
    }

    private static void line(PrintWriter out, String[] cells, int[] width, boolean[] right) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) b.append("  ");
            boolean left = !right[i];
            String pad = " ".repeat(width[i] - cells[i].length());
            b.append(left ? cells[i] + (i == cells.length - 1 ? "" : pad) : pad + cells[i]);
        }
        out.println(b.toString().stripTrailing());
    }
}
