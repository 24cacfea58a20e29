package io.miglab.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * An HTML table whose columns say what they hold: text (left-aligned, not wrapped), prose (left-aligned, wrapped)
 * or numbers (right-aligned, tabular digits) with one unit per column, named in the header: "downtime (ms)".
 * Cells hold the bare figures; wide tables scroll inside the page instead of running off it.
 */
public final class Table {
    public enum Kind { TEXT, PROSE, NUMBER }

    /**
     * A column: its name, its unit (numbers only; empty for a count or a ratio), what it holds, and the group it
     * belongs to (neighbours of one group share a header cell above theirs: "downtime" over "A (ms)", "B (ms)").
     */
    public record Column(String name, String unit, Kind kind, String group) {
        public static Column text(String name) { return new Column(name, "", Kind.TEXT, ""); }

        public static Column prose(String name) { return new Column(name, "", Kind.PROSE, ""); }

        public static Column number(String name, String unit) { return new Column(name, unit, Kind.NUMBER, ""); }

        public static Column number(String name) { return new Column(name, "", Kind.NUMBER, ""); }

        public Column in(String group) { return new Column(name, unit, kind, group); }

        public String header() { return unit.isEmpty() ? name : name + " (" + unit + ")"; }

        String cssClass() {
            return switch (kind) {
                case TEXT -> "text";
                case PROSE -> "prose";
                case NUMBER -> "num";
            };
        }
    }

    private record Row(String cssClass, List<String> html) { }

    private final String cssClass;
    private final List<Column> columns;
    private final List<Row> rows = new ArrayList<>();

    public Table(String cssClass, List<Column> columns) {
        this.cssClass = cssClass;
        this.columns = List.copyOf(columns);
    }

    /** Two text columns for settings or headline figures whose values carry their own units ("300 ms"). */
    public static Table keyValue(String cssClass, String keyTitle, List<String[]> pairs) {
        Table t = new Table("kv " + cssClass, List.of(Column.text(keyTitle), Column.prose("value")));
        for (String[] kv : pairs) t.row(kv[0], kv[1]);
        return t;
    }

    /** A row of plain text cells (escaped here). */
    public Table row(String... cells) {
        return row("", List.of(cells));
    }

    public Table row(String rowClass, List<String> cells) {
        return rowHtml(rowClass, cells.stream().map(Html::esc).toList());
    }

    /** A row of cells already in HTML (escaped by the caller), e.g. "1.2 / <b>1.5</b> / 1.9". */
    public Table rowHtml(String rowClass, List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + columns.size() + " columns");
        }
        rows.add(new Row(rowClass, List.copyOf(cells)));
        return this;
    }

    public int rowCount() { return rows.size(); }

    /** One header row, or two when columns are grouped (ungrouped ones then span both). */
    private void header(StringBuilder b) {
        boolean grouped = columns.stream().anyMatch(c -> !c.group().isEmpty());
        b.append("<tr>");
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c.group().isEmpty()) {
                b.append("<th class=\"").append(c.cssClass()).append('"').append(grouped ? " rowspan=\"2\"" : "")
                        .append('>').append(Html.esc(c.header())).append("</th>");
                continue;
            }
            int n = 1;
            while (i + n < columns.size() && columns.get(i + n).group().equals(c.group())) n++;
            b.append("<th class=\"group\" colspan=\"").append(n).append("\">").append(Html.esc(c.group()))
                    .append("</th>");
            i += n - 1;
        }
        b.append("</tr>\n");
        if (!grouped) return;
        b.append("<tr>");
        for (Column c : columns) {
            if (c.group().isEmpty()) continue;
            b.append("<th class=\"").append(c.cssClass()).append("\">").append(Html.esc(c.header())).append("</th>");
        }
        b.append("</tr>\n");
    }

    public String html() {
        StringBuilder b = new StringBuilder("<div class=\"table\"><table class=\"").append(Html.esc(cssClass))
                .append("\">\n<thead>");
        header(b);
        b.append("</thead>\n<tbody>\n");
        for (Row r : rows) {
            b.append(r.cssClass().isEmpty() ? "<tr>" : "<tr class=\"" + Html.esc(r.cssClass()) + "\">");
            for (int i = 0; i < columns.size(); i++) {
                b.append("<td class=\"").append(columns.get(i).cssClass()).append("\">").append(r.html().get(i))
                        .append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody></table></div>\n").toString();
    }
}
