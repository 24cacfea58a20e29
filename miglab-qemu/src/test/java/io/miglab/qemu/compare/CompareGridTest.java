package io.miglab.qemu.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.result.GuestImpact;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Outcome;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.Timing;
import io.miglab.core.result.Traffic;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.qemu.calibrate.GuestCalibration;
import io.miglab.qemu.serial.WriterReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of the comparison grid, from stored QEMU measurements (no QEMU needed). */
class CompareGridTest {
    @TempDir
    Path dir;

    private static MigrationResult qemu(double totalMs, long bytes) {
        return new MigrationResult("qemu", "precopy", new Outcome(true, true, StopReason.DOWNTIME_LIMIT_MET),
                new Timing(2, 10, 0, totalMs, totalMs - 12),
                new Traffic(bytes, 16_000, 0, 48_000, bytes - 1000, 1000, 0),
                new GuestImpact(0, 0, 0), List.of(), List.of());
    }

    // Guards against errors with the wrong sign or base, and against unflagged large differences.
    @Test
    void errorsAreRelativeToQemuAndFlaggedAbove15Percent() {
        assertThat(ComparisonTable.error(100, 110)).isEqualTo("+10 %");
        assertThat(ComparisonTable.error(100, 80)).isEqualTo("**-20 %**");
        assertThat(ComparisonTable.error(0, 5)).isEqualTo("n/a");
        assertThat(ComparisonTable.errorPercent(200, 300)).isEqualTo(50.0);
    }

    // Guards against losing the hand-written findings, or the stored QEMU runs, when the tables are regenerated.
    @Test
    void storedRunsRoundTripAndFindingsSurviveRegeneration() throws Exception {
        GridCase first = GridCases.all().get(0);
        Map<String, QemuMeasurement> runs = new LinkedHashMap<>();
        runs.put(first.label(), new QemuMeasurement(first.label(), qemu(618, 70_000_000), 78, true, "10.0.2", "tcg",
                4.8));
        Path json = dir.resolve("runs.json");
        Path md = dir.resolve("report.md");
        Files.writeString(md, "old tables\n" + CompareGrid.FINDINGS_MARKER + "\n## Findings\n\nkeep me\n");
        CompareGrid.main(new String[] {"--sim-only", "--runs", json.toString(), "--out", md.toString()});
        assertThat(Files.readString(md)).doesNotContain("old tables").contains("keep me");

        // write the runs the way the grid does, read them back, regenerate
        CompareGrid.JSON.writeValue(json.toFile(), List.copyOf(runs.values()));
        assertThat(Files.readString(json)).contains("\"totalTimeMs\" : 618.0").doesNotContain("timing");
        assertThat(CompareGrid.load(json)).containsEntry(first.label(), runs.get(first.label()));
        CompareGrid.main(new String[] {"--sim-only", "--runs", json.toString(), "--out", md.toString()});
        String report = Files.readString(md);
        assertThat(report).contains("| " + first.label() + " | 618 |").contains("keep me")
                .contains("QEMU 10.0.2, accel tcg")
                .contains("| " + first.label() + " | pre-copy |  | 1 | `miglab simulate --hypervisor qemu --memory 256MiB");
    }

    // Guards the writer's MEM reports in the stored runs: kept through the file, a run stored before them (no
    // field) read as having none, and a run with an achieved rate simulated and listed at that rate (its own
    // command), the others at the nominal rate.
    @Test
    void theWritersReportsRoundTripAndSetTheRunsRate() throws Exception {
        GridCase c = GridCases.find("auto-converge cpu-bound 256M 32MiB/s random 32M 12000 pps").orElseThrow();
        WriterReports writer = new WriterReports(List.of(new WriterReports.Report(600, 7_000, 11_900),
                new WriterReports.Report(1_600, 14_200, 7_200), new WriterReports.Report(2_600, 21_600, 7_400),
                new WriterReports.Report(3_600, 25_600, 4_000)), 3_000);
        Map<String, QemuMeasurement> runs = new LinkedHashMap<>();
        runs.put(c.label(), new QemuMeasurement(c.label(), qemu(9_000, 300_000_000), -1, true, "10.0.2", "tcg", 60,
                c.category().label(), "guest", "miglab simulate", writer, false, false));
        runs.put(c.runLabel(2), run(c.runLabel(2), 9_500));
        Path json = dir.resolve("runs.json");
        CompareGrid.save(json, runs);
        String text = Files.readString(json);
        assertThat(text).contains("\"pagesPerSecond\" : 7200").contains("\"unthrottledUntilMs\" : 3000.0")
                .doesNotContain("achievedPagesPerSecond");
        Files.writeString(json, text.replaceAll(",\\s*\"writer\" : null", ""));
        assertThat(Files.readString(json)).contains("\"writer\" : {").doesNotContain("\"writer\" : null");

        Map<String, QemuMeasurement> loaded = CompareGrid.load(json);
        assertThat(loaded).isEqualTo(runs);
        assertThat(loaded.get(c.label()).achievedPagesPerSecond()).hasValue(7_300);
        assertThat(loaded.get(c.runLabel(2)).writer()).isNull();
        assertThat(loaded.get(c.runLabel(2)).achievedPagesPerSecond()).isEmpty();

        PageLevelSimulator sim = new PageLevelSimulator();
        List<CorpusStats.Row> rows = CorpusPage.rows(loaded);
        assertThat(rows.get(0).sim()).isEqualTo(sim.migrate(GuestCalibration.observed(
                GuestCalibration.withWriterRate(c.spec(), 7_300))));
        assertThat(rows.get(1).sim()).isEqualTo(sim.migrate(GuestCalibration.observed(c.spec())));
        String page = CorpusPage.render(loaded, "");
        assertThat(page).containsPattern("\\| " + Pattern.quote(c.label()) + " \\| auto-converge cpu-bound \\|[^\\n]*"
                        + "--dirty-rate 7300 [^\\n]*\\| 7,300 \\|\\n")
                .containsPattern("\\| " + Pattern.quote(c.runLabel(2))
                        + " \\|[^\\n]*--dirty-rate 12000 [^\\n]*\\|  \\|\\n");
    }

    // Guards the stored grid (docs/qemu-vs-sim.json, written with the flat result) against a result reshaped in
    // Java but no longer readable from the file: --sim-only would then lose every QEMU run.
    @Test
    void theStoredGridStillLoads() throws Exception {
        Map<String, QemuMeasurement> runs = CompareGrid.load(Path.of("../docs/qemu-vs-sim.json"));
        assertThat(runs).isNotEmpty();
        MigrationResult r = runs.values().iterator().next().result();
        assertThat(r.backend()).isEqualTo("qemu");
        assertThat(r.timing().totalTimeMs()).isPositive();
        assertThat(r.traffic().bytesTransferred()).isPositive();
        assertThat(r.rounds()).isNotEmpty();
    }

    // Guards against runs of several people overwriting each other: --merge adds runs and replaces those of the same
    // label, and keeps the rest of the stored file.
    @Test
    void mergeAddsAndReplacesRunsByLabel() throws Exception {
        Path mine = dir.resolve("mine.json");
        Path theirs = dir.resolve("theirs.json");
        Path md = dir.resolve("page.md");
        Map<String, QemuMeasurement> a = new LinkedHashMap<>();
        a.put("precopy 256M 100MiB/s 0 pps", run("precopy 256M 100MiB/s 0 pps", 600));
        a.put("precopy 1G 100MiB/s 0 pps", run("precopy 1G 100MiB/s 0 pps", 700));
        CompareGrid.save(mine, a);
        Map<String, QemuMeasurement> b = new LinkedHashMap<>();
        b.put("precopy 1G 100MiB/s 0 pps", run("precopy 1G 100MiB/s 0 pps", 750));
        b.put("precopy 256M 100MiB/s 5000 pps #2", run("precopy 256M 100MiB/s 5000 pps #2", 1300));
        CompareGrid.save(theirs, b);
        CompareGrid.main(new String[] {"--sim-only", "--runs", mine.toString(), "--merge", theirs.toString(),
                "--out", md.toString()});
        Map<String, QemuMeasurement> merged = CompareGrid.load(mine);
        assertThat(merged.keySet()).containsExactly("precopy 256M 100MiB/s 0 pps", "precopy 1G 100MiB/s 0 pps",
                "precopy 256M 100MiB/s 5000 pps #2");
        assertThat(merged.get("precopy 1G 100MiB/s 0 pps").result().timing().totalTimeMs()).isEqualTo(750);
        assertThat(Files.readString(md)).contains("| precopy 256M 100MiB/s 5000 pps #2 | 1300 |");
    }

    // Guards the repeat labels: a repeat is found as its case, and only a numeric suffix is a repeat.
    @Test
    void repeatLabelsMapToTheirCase() {
        GridCase c = GridCases.find("precopy 256M 100MiB/s 5000 pps").orElseThrow();
        assertThat(c.runLabel(1)).isEqualTo("precopy 256M 100MiB/s 5000 pps");
        assertThat(c.runLabel(3)).isEqualTo("precopy 256M 100MiB/s 5000 pps #3");
        assertThat(GridCases.find("precopy 256M 100MiB/s 5000 pps #3")).contains(c);
        assertThat(GridCase.caseLabel("a #b")).isEqualTo("a #b");
        assertThat(GridCases.all().stream().map(GridCase::label).distinct().count())
                .isEqualTo(GridCases.all().size());
    }

    // Guards the p90's definition (nearest rank) against an interpolated or off-by-one percentile.
    @Test
    void p90IsTheNearestRank() {
        assertThat(CorpusStats.p90(new double[] {5, 1, 4, 2, 3, 10, 9, 8, 7, 6})).isEqualTo(9);
        assertThat(CorpusStats.p90(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 50})).isEqualTo(10);
        assertThat(CorpusStats.p90(new double[] {3})).isEqualTo(3);
    }

    // Guards the flags: a bad value names the flag and what is allowed; filters select by text and category.
    @Test
    void flagsSelectCasesAndRejectBadValues() {
        CompareGrid.Args a = CompareGrid.parse(new String[] {"--category", "cancelled", "--only", "1G"});
        assertThat(GridCases.all().stream().filter(a::selects).map(GridCase::label).toList())
                .isNotEmpty().allMatch(l -> l.contains("1G"))
                .allMatch(l -> GridCases.find(l).orElseThrow().category() == Category.CANCELLED);
        assertThat(CompareGrid.parse(new String[] {"--repeat", "3"}).repeat()).contains(3);
        assertThatThrownBy(() -> CompareGrid.parse(new String[] {"--repeat", "0"}))
                .hasMessage("repeat: 1 to 20 runs per case (got '0')");
        assertThatThrownBy(() -> CompareGrid.parse(new String[] {"--category", "warp"}))
                .hasMessageStartingWith("category: one of pre-copy, cancelled, post-copy");
        assertThat(Category.named("auto-converge-paced")).isEqualTo(Category.AUTO_CONVERGE_PACED);
    }

    // Guards the README's summary: only the text between the markers is rewritten, and a file without them is
    // refused rather than appended to.
    @Test
    void readmeSummaryReplacesOnlyTheMarkedBlock() throws Exception {
        Map<String, QemuMeasurement> runs = new LinkedHashMap<>();
        runs.put("precopy 256M 100MiB/s 0 pps", run("precopy 256M 100MiB/s 0 pps", 600));
        String readme = "before\n" + CorpusPage.SUMMARY_BEGIN + "\nold table\n" + CorpusPage.SUMMARY_END + "\nafter\n";
        String updated = CorpusPage.withSummary(readme, runs);
        assertThat(updated).startsWith("before\n" + CorpusPage.SUMMARY_BEGIN + "\n| category |")
                .contains("| pre-copy | 1 (1) |").doesNotContain("old table").endsWith(CorpusPage.SUMMARY_END + "\nafter\n");
        assertThatThrownBy(() -> CorpusPage.withSummary("no markers", runs)).hasMessageStartingWith("readme: ");
    }

    private static QemuMeasurement run(String label, double totalMs) {
        return new QemuMeasurement(label, qemu(totalMs, 70_000_000), 60, true, "10.0.2", "tcg", 5);
    }
}
