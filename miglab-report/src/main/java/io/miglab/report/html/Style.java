package io.miglab.report.html;

/** The one stylesheet of miglab's HTML reports, inlined in every page (no fonts or files to fetch). */
final class Style {
    private Style() { }

    static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2em auto;
              max-width: 1240px; padding: 0 1.5em; color: #222; line-height: 1.4; }
            h1 { font-size: 1.5em; margin-bottom: 0.3em; }
            h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; }
            h3 { font-size: 1.05em; margin-top: 1.4em; }
            div.table { overflow-x: auto; max-width: 100%; margin: 0.5em 0; }
            table { border-collapse: collapse; font-size: 0.88em; }
            th, td { border: 1px solid #d6d6d6; padding: 0.25em 0.6em; vertical-align: top; }
            th { background: #f2f2f2; font-weight: 600; }
            th.text, td.text, th.prose, td.prose { text-align: left; }
            td.text { white-space: nowrap; }
            td.prose { min-width: 16em; max-width: 48em; }
            th.num, td.num { text-align: right; }
            th.group { text-align: center; border-bottom-color: #aaa; }
            td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.kv td.text { color: #444; }
            table.headline td.num { font-size: 1.15em; font-weight: 600; }
            tr.failed td { background: #fde8e8; }
            .meta, .note { color: #555; font-size: 0.9em; }
            .warn { color: #a00; }
            .charts { display: flex; flex-wrap: wrap; gap: 0.8em 1.2em; align-items: flex-start; }
            figure { margin: 0.5em 0; } figcaption { font-size: 0.85em; color: #555; max-width: 640px; }
            svg.chart { display: block; }
            footer { margin-top: 3em; font-size: 0.8em; color: #666; }
            """;
}
