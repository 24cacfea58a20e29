package io.miglab.datacenter.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.datacenter.DatacenterSimulation;
import io.miglab.datacenter.ProgressListener;
import io.miglab.datacenter.scenario.ScenarioReader;
import io.miglab.report.testing.Chromium;
import io.miglab.report.testing.ReportChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The datacenter report of the demo scenario (16 hosts, 120 VMs, 6 h) as a person reads it, and as headless
 * Chromium renders it; the screenshot is kept in {@code target/screenshots/datacenter-report.png}.
 */
class HtmlReporterBrowserTest {
    static DatacenterReport report;
    static String html;

    @TempDir
    Path dir;

    @BeforeAll
    static void run() throws Exception {
        report = DatacenterSimulation.run(ScenarioReader.read(Path.of("../examples/datacenter/demo.yaml")),
                ProgressListener.NONE);
        html = HtmlReporter.render(report).render();
    }

    // Time ticks were 1.18, 2.37, ... h; the summary showed raw keys and 0.00240936; names were right-aligned
    // and wrapped; legends sat on the lines.
    @Test
    void theReportReadsAsAPersonExpects() {
        ReportChecks.assertReadable(html);
        for (String svg : ReportChecks.charts(html)) {
            assertThat(ReportChecks.ticks(svg, "tick x time")).containsExactly("0", "1", "2", "3", "4", "5", "6");
            assertThat(svg).contains(">time (h)<");
        }
        assertThat(html).contains(">overload share (of host time switched on)<", ">simulated time<", ">6 h<")
                .doesNotContain("overload_share", "duration_s", "energy_kwh");
        assertThat(html).containsPattern(">[0-9]+\\.[0-9]{2} %<");
        assertThat(html).contains("<td class=\"text\">web-1</td>");
    }

    // VMs the policy moved back and forth are named, with the hosts they went through.
    @Test
    void vmsMovedBackAndForthArePointedOut() {
        List<PingPong.Flagged> flagged = PingPong.find(PingPong.moves(report.migrations()), PingPong.MAX_MOVES);
        assertThat(flagged).isNotEmpty();
        String section = html.substring(html.indexOf(">VMs moved back and forth<"), html.indexOf(">Migrations<"));
        PingPong.Flagged first = flagged.get(0);
        assertThat(section).contains(">" + first.vm() + "<", String.join(" → ", first.path()));
    }

    @Test
    void chromiumRendersTheReport() throws Exception {
        Chromium chromium = Chromium.require();
        Path file = dir.resolve("report.html");
        HtmlReporter.write(report, file);
        String dom = chromium.dumpDom(file, Files.createDirectories(dir.resolve("profile")));
        assertThat(ReportChecks.charts(dom)).hasSize(5);
        ReportChecks.assertReadable(dom);
        Path png = Files.createDirectories(Path.of("target", "screenshots")).resolve("datacenter-report.png");
        chromium.screenshot(file, png, Files.createDirectories(dir.resolve("profile2")), 1280, 4000);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        assertThat(bytes.length).isGreaterThan(20_000);
    }
}
