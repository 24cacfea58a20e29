package io.miglab.bench.report;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.metric.Metric;
import io.miglab.bench.run.ConfigJson;
import io.miglab.bench.score.MetricScore;
import io.miglab.bench.score.WorkloadRatio;
import io.miglab.bench.store.RunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A self-contained HTML page for one run (optionally compared with a second): the score table, the score terms,
 * per-workload metrics with their spread over the migration points, downtime and total time against the migration
 * point, the comparison side by side, every migration, and the configuration. Charts are inline SVG, styles inline;
 * the page loads nothing from the network. The CSV files beside it carry the same tables ({@link CsvReport}).
 */
public final class HtmlReport {
    public static final String FILE = "report.html";

    private HtmlReport() { }

    /** Writes {@code report.html} and the CSV files into {@code dir}; returns the HTML file. */
    public static Path write(RunRecord run, Optional<RunRecord> compare, Path dir) throws IOException {
        Files.createDirectories(dir);
        CsvReport.write(run, compare, dir);
        Path file = dir.resolve(FILE);
        Files.writeString(file, html(run, compare), StandardCharsets.UTF_8);
        return file;
    }

    public static String html(RunRecord run, Optional<RunRecord> compare) {
        StringBuilder b = new StringBuilder();
        String title = "miglab benchmark: " + RunLabel.of(run) + compare.map(c -> " vs " + RunLabel.of(c)).orElse("");
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<h1>").append(Html.esc(title)).append("</h1>\n");
        meta(b, run);
        compare.ifPresent(c -> meta(b, c));
        scores(b, run, compare);
        workloads(b, run);
        compare.ifPresent(c -> workloads(b, c));
        pointCharts(b, run);
        compare.ifPresent(c -> ComparisonSection.write(b, run, c));
        migrations(b, run);
        configuration(b, run);
        b.append("<footer>Virt-LM method (Huang et al., ICPE 2011). Score = 1000 &times; mean over workloads of"
                + " platform / reference; 1000 = as good as the reference, lower is better. Written by miglab.</footer>\n");
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void meta(StringBuilder b, RunRecord r) {
        var i = r.info();
        b.append("<p class=\"meta\"><b>").append(Html.esc(RunLabel.of(r))).append("</b> &middot; status <span class=\"")
                .append(i.status().label()).append("\">").append(i.status().label()).append("</span> &middot; backend ")
                .append(Html.esc(i.backend())).append(" &middot; reference ").append(Html.esc(i.referenceName()))
                .append(" &middot; started ").append(i.startedAt()).append(i.finishedAt().map(f -> " &middot; finished "
                        + f).orElse("")).append(" &middot; host ").append(Html.esc(i.host()));
        if (i.note() != null && !i.note().isBlank()) b.append("<br>").append(Html.esc(i.note()));
        b.append("</p>\n");
    }

    private static void scores(StringBuilder b, RunRecord run, Optional<RunRecord> compare) {
        b.append("<h2 id=\"scores\">Scores</h2>\n<table class=\"scores\" id=\"score-table\">\n<thead><tr><th>run</th>"
                + "<th>host load</th>");
        for (Metric m : Metric.values()) b.append("<th>").append(Html.esc(m.title())).append("</th>");
        b.append("</tr></thead>\n<tbody>\n");
        List<RunRecord> runs = new ArrayList<>(List.of(run));
        compare.ifPresent(runs::add);
        List<String> categories = new ArrayList<>();
        for (Metric m : Metric.values()) categories.add(m.title());
        SvgBarChart chart = new SvgBarChart("Scores (1000 = reference, lower is better)", "score", "metric",
                categories).referenceLine(1000, "reference = 1000");
        for (RunRecord r : runs) {
            for (HostLoad load : loads(r)) {
                b.append("<tr><td>").append(Html.esc(RunLabel.shortOf(r))).append("</td><td>").append(load.label())
                        .append("</td>");
                List<Double> values = new ArrayList<>();
                for (Metric m : Metric.values()) {
                    double s = score(r, load, m).map(MetricScore::score).orElse(Double.NaN);
                    values.add(s);
                    b.append("<td class=\"num\">").append(Html.num(s)).append("</td>");
                }
                b.append("</tr>\n");
                if (values.stream().anyMatch(v -> !v.isNaN())) {
                    chart.series(RunLabel.shortOf(r) + " " + load.label(), values);
                }
            }
        }
        b.append("</tbody></table>\n");
        if (run.scores().isEmpty()) {
            b.append("<p class=\"warn\">No scores: the run is ").append(run.info().status().label())
                    .append(" (scores are computed only when every step finished).</p>\n");
        } else {
            b.append("<figure>").append(chart.svg()).append("<figcaption>The four scores side by side; they are not"
                    + " combined into one number.</figcaption></figure>\n");
        }
        terms(b, run);
    }

    private static void terms(StringBuilder b, RunRecord r) {
        if (r.scores().isEmpty()) return;
        b.append("<h3>Score terms of ").append(Html.esc(RunLabel.shortOf(r))).append(" (P = platform mean over the"
                + " points, R = reference)</h3>\n<table class=\"terms\"><thead><tr><th>host load</th><th>workload</th>");
        for (Metric m : Metric.values()) {
            b.append("<th>").append(Html.esc(m.title())).append(" P / R (").append(m.unit()).append(")</th>");
        }
        b.append("</tr></thead><tbody>\n");
        for (HostLoad load : loads(r)) {
            Set<String> workloads = new LinkedHashSet<>();
            r.scores().stream().filter(s -> s.hostLoad() == load)
                    .forEach(s -> s.ratios().forEach(t -> workloads.add(t.workload())));
            for (String w : workloads) {
                b.append("<tr><td>").append(load.label()).append("</td><td>").append(Html.esc(w)).append("</td>");
                for (Metric m : Metric.values()) {
                    Optional<WorkloadRatio> t = score(r, load, m).flatMap(s -> s.ratios().stream()
                            .filter(x -> x.workload().equals(w)).findFirst());
                    b.append("<td class=\"num\">").append(t.map(x -> Html.num(x.platform()) + " / "
                            + Html.num(x.reference()) + " = " + Html.num(x.ratio())).orElse("-")).append("</td>");
                }
                b.append("</tr>\n");
            }
        }
        b.append("</tbody></table>\n");
        Set<String> excluded = new LinkedHashSet<>();
        r.scores().forEach(s -> s.excluded().forEach(e -> excluded.add(s.hostLoad().label() + " " + e)));
        if (!excluded.isEmpty()) {
            b.append("<p class=\"warn\">Left out of the scores: ").append(Html.esc(String.join("; ", excluded)))
                    .append("</p>\n");
        }
    }

    private static void workloads(StringBuilder b, RunRecord r) {
        b.append("<h2>Per workload: ").append(Html.esc(RunLabel.shortOf(r))).append("</h2>\n<p>Each cell: min / "
                + "<b>mean</b> / max over the migration points.</p>\n<table class=\"workloads\"><thead><tr>"
                + "<th>host load</th><th>workload</th><th>points (completed)</th>");
        for (Metric m : Metric.values()) b.append("<th>").append(Html.esc(m.title())).append(" (").append(m.unit())
                .append(")</th>");
        b.append("<th>preparation (ms)</th><th>resume (ms)</th><th>pages sent</th><th>guest slowdown (%)</th>"
                + "<th>throughput without migration</th></tr></thead><tbody>\n");
        for (WorkloadStats s : WorkloadStats.of(r.measurements(), r.baselines())) {
            b.append("<tr").append(s.allCompleted() ? "" : " class=\"failed\"").append("><td>")
                    .append(s.hostLoad().label()).append("</td><td>").append(Html.esc(s.workload())).append("</td><td>")
                    .append(s.points()).append(" (").append(s.completed()).append(")</td>");
            for (Metric m : Metric.values()) spread(b, s.metric(m));
            b.append("<td class=\"num\">").append(Html.num(s.preparationMs().mean())).append("</td><td class=\"num\">")
                    .append(Html.num(s.resumeMs().mean())).append("</td><td class=\"num\">")
                    .append(Html.num(s.pages().mean())).append("</td><td class=\"num\">")
                    .append(Html.num(s.guestSlowdownPercent().mean())).append("</td><td class=\"num\">")
                    .append(s.baseline().map(x -> Html.num(x.throughput()) + " " + Html.esc(x.unit())).orElse("-"))
                    .append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    private static void spread(StringBuilder b, Spread s) {
        b.append("<td class=\"num\">").append(Html.num(s.min())).append(" / <b>").append(Html.num(s.mean()))
                .append("</b> / ").append(Html.num(s.max())).append("</td>");
    }

    private static void pointCharts(StringBuilder b, RunRecord r) {
        b.append("<h2>Against the migration point</h2>\n<p>Point k of N starts k/(N+1) of the way through the"
                + " workload's run; each line is one workload.</p>\n<div class=\"charts\">\n");
        for (HostLoad load : loadsOfMeasurements(r)) {
            for (Metric m : List.of(Metric.DOWNTIME, Metric.TOTAL_TIME)) {
                SvgLineChart chart = new SvgLineChart(m.title() + " against migration point (" + load.label()
                        + " load)", m.title() + " (" + m.unit() + ")", "migration point: seconds into the run");
                Set<String> workloads = new LinkedHashSet<>();
                r.measurements().stream().filter(x -> x.hostLoad() == load).forEach(x -> workloads.add(x.workload()));
                for (String w : workloads) {
                    chart.series(w, r.measurements().stream().filter(x -> x.hostLoad() == load
                            && x.workload().equals(w)).map(x -> new SvgLineChart.Point(x.pointOffsetMs() / 1000,
                            m.of(x))).toList());
                }
                b.append("<figure>").append(chart.svg()).append("</figure>\n");
            }
        }
        b.append("</div>\n");
    }

    private static void migrations(StringBuilder b, RunRecord r) {
        b.append("<h2>Every migration of ").append(Html.esc(RunLabel.shortOf(r))).append("</h2>\n<table class=\""
                + "migrations\"><thead><tr><th>host load</th><th>workload</th><th>point</th><th>start (s)</th>"
                + "<th>result</th><th>rounds</th><th>downtime (ms)</th><th>total (ms)</th><th>data (MiB)</th>"
                + "<th>overhead (%)</th><th>throughput during / without</th></tr></thead><tbody>\n");
        for (Measurement m : r.measurements()) {
            var res = m.result();
            b.append("<tr").append(res.completed() ? "" : " class=\"failed\"").append("><td>")
                    .append(m.hostLoad().label()).append("</td><td>").append(Html.esc(m.workload())).append("</td><td>")
                    .append(m.point()).append("</td><td class=\"num\">").append(Html.num(m.pointOffsetMs() / 1000))
                    .append("</td><td>").append(res.completed() ? "completed" : "not completed").append(", ")
                    .append(res.stopReason()).append("</td><td class=\"num\">").append(res.roundCount())
                    .append("</td><td class=\"num\">").append(Html.num(res.downtimeMs())).append("</td><td class=\"num\">")
                    .append(Html.num(res.totalTimeMs())).append("</td><td class=\"num\">")
                    .append(Html.num(Metric.DATA.of(m))).append("</td><td class=\"num\">")
                    .append(Html.num(m.overheadPercent())).append("</td><td class=\"num\">")
                    .append(Html.num(m.throughputDuring())).append(" / ").append(Html.num(m.baselineThroughput()))
                    .append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    private static void configuration(StringBuilder b, RunRecord r) {
        String pretty;
        try {
            pretty = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ConfigJson.parse(r.info().configJson()));
        } catch (Exception e) {
            pretty = r.info().configJson();
        }
        b.append("<h2>Configuration of ").append(Html.esc(RunLabel.shortOf(r))).append("</h2>\n<pre>")
                .append(Html.esc(pretty)).append("</pre>\n");
    }

    private static List<HostLoad> loads(RunRecord r) {
        Set<HostLoad> out = new LinkedHashSet<>();
        r.scores().forEach(s -> out.add(s.hostLoad()));
        if (out.isEmpty()) out.addAll(loadsOfMeasurements(r));
        return List.copyOf(out);
    }

    private static List<HostLoad> loadsOfMeasurements(RunRecord r) {
        Set<HostLoad> out = new LinkedHashSet<>();
        r.measurements().forEach(m -> out.add(m.hostLoad()));
        return List.copyOf(out);
    }

    private static Optional<MetricScore> score(RunRecord r, HostLoad load, Metric m) {
        return r.scores().stream().filter(s -> s.hostLoad() == load && s.metric() == m).findFirst();
    }

    private static final String CSS = """
            body { font-family: sans-serif; margin: 2em; color: #222; max-width: 1400px; }
            h1 { font-size: 1.5em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { font-size: 1.05em; }
            table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; vertical-align: top; }
            th { background: #f0f0f0; text-align: left; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.scores td.num { font-size: 1.2em; font-weight: bold; }
            tr.failed td { background: #fde8e8; }
            .meta { color: #444; } .complete { color: #060; } .incomplete, .running { color: #a00; }
            .warn { color: #a00; }
            .charts { display: flex; flex-wrap: wrap; gap: 1em; }
            figure { margin: 0.5em 0; } figcaption { font-size: 0.85em; color: #555; }
            pre { background: #f6f6f6; padding: 1em; overflow-x: auto; font-size: 0.85em; }
            footer { margin-top: 3em; font-size: 0.8em; color: #666; }
            """;
}
