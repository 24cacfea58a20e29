package io.miglab.datacenter.report.html;

/** HTML escaping and miglab's small shared report style. */
public final class Html {
    /** The stylesheet every miglab HTML report inlines (charts included). */
    public static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;max-width:1100px;
            color:#222;padding:0 1em}h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;font-size:.85em;margin:.5em 0}td,th{border:1px solid #ddd;padding:3px 7px;
            text-align:right}th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}
            .note{color:#666;font-size:.85em}svg{display:block;margin:.6em 0}svg .t{font-size:13px;font-weight:600}
            svg .g{stroke:#eee}svg .a{stroke:#888}svg .yl{font-size:10px;text-anchor:end;fill:#555}
            svg .xl{font-size:10px;text-anchor:middle;fill:#555}svg .lg{font-size:10px;fill:#333}
            """;

    private Html() { }

    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
