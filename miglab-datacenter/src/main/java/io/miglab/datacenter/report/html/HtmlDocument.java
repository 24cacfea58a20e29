package io.miglab.datacenter.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A self-contained HTML report built section by section: headings, paragraphs, tables, inline SVG charts. No
 * network is needed to view it. Reusable by any miglab report.
 */
public final class HtmlDocument {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlDocument(String title) {
        this.title = title;
        body.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    }

    public HtmlDocument heading(String text) {
        body.append("<h2>").append(Html.escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlDocument paragraph(String text) {
        body.append("<p>").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    public HtmlDocument note(String text) {
        body.append("<p class=\"note\">").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    public HtmlDocument table(List<String> headers, List<List<String>> rows) {
        body.append("<table><tr>");
        for (String h : headers) body.append("<th>").append(Html.escape(h)).append("</th>");
        body.append("</tr>\n");
        for (List<String> r : rows) {
            body.append("<tr>");
            for (String c : r) body.append("<td>").append(Html.escape(c)).append("</td>");
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    public HtmlDocument chart(SvgLineChart chart) {
        body.append(chart.render()).append('\n');
        return this;
    }

    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                + "</title><style>" + Html.STYLE + "</style></head><body>\n" + body + "</body></html>\n";
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }
}
