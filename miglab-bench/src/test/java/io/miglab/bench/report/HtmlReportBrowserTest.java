package io.miglab.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.store.RunRecord;
import io.miglab.report.format.Num;
import io.miglab.report.testing.Chromium;
import io.miglab.report.testing.ReportChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a browser renders it (headless Chromium, no network). The screenshot is kept in
 * {@code target/screenshots/bench-report.png} for a person to look at.
 */
class HtmlReportBrowserTest {
    @TempDir
    Path dir;

    // A report that a browser cannot parse, or that lost its score table or charts, would fail here.
    @Test
    void chromiumShowsTheScoreTableAndTheCharts() throws Exception {
        Chromium chromium = Chromium.require();
        List<RunRecord> runs;
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.db").toString())) {
            runs = ReportFixtures.precopyAndPostcopy(store);
        }
        Path html = HtmlReport.write(runs.get(0), Optional.of(runs.get(1)), dir.resolve("out"));
        String dom = chromium.dumpDom(html, Files.createDirectories(dir.resolve("profile")));

        Matcher table = Pattern.compile("<table class=\"scores headline\">(.*?)</table>", Pattern.DOTALL).matcher(dom);
        assertThat(table.find()).as("score table in the DOM").isTrue();
        String scores = table.group(1);
        assertThat(scores).contains("downtime", "total migration time", "migrated data", "migration overhead");
        // one row per run and host load, with the post-copy run's own downtime score in it
        assertThat(Pattern.compile("<tr>").matcher(scores).results().count()).isEqualTo(1 + 2);
        String postDowntime = Num.of(runs.get(1).scores().get(0).score());
        assertThat(scores).contains(">" + postDowntime + "<");

        long charts = ReportChecks.charts(dom).size();
        assertThat(charts).isGreaterThanOrEqualTo(1 + 2 * 4 + 4); // scores, 2 panels per workload, comparison
        assertThat(dom).containsPattern("<rect class=\"bar\"[^>]*height=\"[1-9]");
        assertThat(dom).containsPattern("<path class=\"line\" d=\"M[0-9.]+,[0-9.]+ L");
        ReportChecks.assertReadable(dom);

        Path png = Files.createDirectories(Path.of("target", "screenshots")).resolve("bench-report.png");
        chromium.screenshot(html, png, Files.createDirectories(dir.resolve("profile2")), 1280, 6000);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        assertThat(bytes.length).isGreaterThan(20_000); // a blank page compresses to a few KB
    }
}
