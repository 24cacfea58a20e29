package io.miglab.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.bench.metric.Measurement;
import io.miglab.bench.metric.Metric;
import io.miglab.bench.score.MetricScore;
import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.store.RunRecord;
import io.miglab.core.result.Metrics;
import io.miglab.report.format.Num;
import io.miglab.report.testing.ReportChecks;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    Path dir;
    List<RunRecord> runs;

    @BeforeEach
    void runs() throws Exception {
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.db").toString())) {
            runs = ReportFixtures.precopyAndPostcopy(store);
        }
    }

    // Self-contained: a lab machine without network must show the whole report (no scripts, styles or fonts
    // fetched from anywhere).
    @Test
    void theReportLoadsNothingFromOutside() throws Exception {
        String html = Files.readString(HtmlReport.write(runs.get(0), Optional.of(runs.get(1)), dir.resolve("o")));
        assertThat(html).doesNotContainPattern("(?i)<script|<link|<img|<iframe|@import|url\\(");
        String withoutSvgNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertThat(withoutSvgNamespace).doesNotContain("http://", "https://");
    }

    // What a person reads: round ticks, no Java text (the configuration was raw JSON with record text), one unit
    // per column (the throughput column mixed heartbeats/s and requests/s), legends under the plots.
    @Test
    void theReportReadsAsAPersonExpects() {
        String html = HtmlReport.html(runs.get(0), Optional.of(runs.get(1)));
        ReportChecks.assertReadable(html);
        assertThat(html).contains(">bandwidth<", ">119.2 MiB/s<", ">guest memory<", ">256 MiB<")
                .containsPattern(">downtime below \\(limit 300 ms, checked mid pass no\\); timeout \\(after 60 s\\)<")
                .containsPattern("started 20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
    }

    // One workload's 38 s flattened the others on a shared axis: each workload gets its own panel and scale.
    @Test
    void eachWorkloadHasItsOwnPanelAgainstTheMigrationPoint() {
        String html = HtmlReport.html(runs.get(0), Optional.empty());
        List<String> charts = ReportChecks.charts(html);
        for (String w : List.of("idle", "mem-mid", "mem-high", "web")) {
            assertThat(charts.stream().filter(c -> c.contains("aria-label=\"" + w + "\""))).hasSize(2);
        }
    }

    // The CSV must carry the same scores as the run, at full precision.
    @Test
    void scoresCsvHoldsEveryScoreOfBothRuns() throws Exception {
        HtmlReport.write(runs.get(0), Optional.of(runs.get(1)), dir.resolve("o"));
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(dir.resolve("o/scores.csv"))) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
        for (RunRecord run : runs) {
            for (MetricScore s : run.scores()) {
                CSVRecord row = rows.stream().filter(x -> x.get("run_id").equals(Long.toString(run.info().id()))
                        && x.get("metric").equals(s.metric().key()) && x.get("workload").isEmpty()).findFirst()
                        .orElseThrow();
                assertThat(Double.parseDouble(row.get("score"))).isEqualTo(s.score());
            }
        }
        List<String> migrations = Files.readAllLines(dir.resolve("o/migrations.csv"));
        assertThat(migrations).hasSize(1 + 2 * 4 * 3);
        // every metric of the common list, under its store column name (a figure left out would show here)
        assertThat(List.of(migrations.get(0).split(","))).containsSubsequence(
                Metrics.STANDARD.all().stream().map(io.miglab.core.result.Metric::column).toList());
        try (Reader r = Files.newBufferedReader(dir.resolve("o/migrations.csv"))) {
            CSVRecord first = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)
                    .getRecords().get(0);
            Measurement m = runs.get(0).measurements().get(0);
            assertThat(Double.parseDouble(first.get("downtime_ms"))).isEqualTo(m.result().timing().downtimeMs());
            assertThat(first.get("stop_reason")).isEqualTo(m.result().outcome().stopReason().name());
        }
    }

    // The terminal summary must show the scores (same formatting as the report) and every workload measured.
    @Test
    void theTerminalSummaryListsScoresAndEveryWorkload() {
        String text = TextSummary.format(runs.get(1));
        assertThat(text).contains("postcopy", "complete", "downtime", "migration overhead");
        for (String w : List.of("idle", "mem-mid", "mem-high", "web")) assertThat(text).contains(w);
        double downtime = runs.get(1).scores().stream().filter(s -> s.metric() == Metric.DOWNTIME).findFirst()
                .orElseThrow().score();
        assertThat(text).contains(Num.of(downtime));
    }
}
