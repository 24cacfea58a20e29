package io.miglab.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The frame of a miglab report: one self-contained HTML page (styles inline, charts inline SVG, nothing fetched
 * from the network), built section by section. Text given here is escaped; {@link #html} takes finished HTML.
 */
public final class Page {
    private final String title;
    private final StringBuilder body = new StringBuilder();

    public Page(String title) {
        this.title = title;
        body.append("<h1>").append(Html.esc(title)).append("</h1>\n");
    }

    public Page heading(String text) {
        return heading(text, null);
    }

    /** A section heading, with an anchor id if given. */
    public Page heading(String text, String id) {
        body.append(id == null ? "<h2>" : "<h2 id=\"" + Html.esc(id) + "\">").append(Html.esc(text)).append("</h2>\n");
        return this;
    }

    public Page subheading(String text) {
        body.append("<h3>").append(Html.esc(text)).append("</h3>\n");
        return this;
    }

    public Page paragraph(String text) {
        return block("", text);
    }

    public Page note(String text) {
        return block("note", text);
    }

    public Page warning(String text) {
        return block("warn", text);
    }

    private Page block(String cssClass, String text) {
        body.append(cssClass.isEmpty() ? "<p>" : "<p class=\"" + cssClass + "\">").append(Html.esc(text))
                .append("</p>\n");
        return this;
    }

    public Page table(Table t) {
        return html(t.html());
    }

    /** Charts side by side, wrapping to the next line when the page is full. */
    public Page charts(List<String> svgs) {
        body.append("<div class=\"charts\">\n");
        for (String svg : svgs) body.append("<figure>").append(svg).append("</figure>\n");
        body.append("</div>\n");
        return this;
    }

    /** One chart with a caption under it. */
    public Page chart(String svg, String caption) {
        body.append("<figure>").append(svg);
        if (caption != null) body.append("<figcaption>").append(Html.esc(caption)).append("</figcaption>");
        body.append("</figure>\n");
        return this;
    }

    /** Finished HTML (the caller escaped it). */
    public Page html(String html) {
        body.append(html);
        return this;
    }

    public Page footer(String text) {
        body.append("<footer>").append(Html.esc(text)).append("</footer>\n");
        return this;
    }

    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Html.esc(title)
                + "</title>\n<style>\n" + Style.CSS + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    public Path write(Path file) throws IOException {
        Files.writeString(file, render(), StandardCharsets.UTF_8);
        return file;
    }
}
