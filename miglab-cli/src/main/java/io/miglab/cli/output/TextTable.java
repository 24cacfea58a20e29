package io.miglab.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header row, a rule, then rows; the first column is left-aligned, the others right. */
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
        boolean hasHeader = false;
        for (String h : header) hasHeader |= !h.isEmpty();
        if (hasHeader) {
            line(out, header, width);
            StringBuilder rule = new StringBuilder();
            for (int i = 0; i < width.length; i++) rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
            out.println(rule);
        }
        for (String[] r : rows) line(out, r, width);
        out.flush();
    }

    private void line(PrintWriter out, String[] cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) b.append("  ");
            boolean left = i == 0 || leftAlignAll;
            String pad = " ".repeat(width[i] - cells[i].length());
            b.append(left ? cells[i] + (i == cells.length - 1 ? "" : pad) : pad + cells[i]);
        }
        out.println(b.toString().stripTrailing());
    }
}
