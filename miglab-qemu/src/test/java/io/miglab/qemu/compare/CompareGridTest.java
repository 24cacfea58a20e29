package io.miglab.qemu.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.result.GuestImpact;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Outcome;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.Timing;
import io.miglab.core.result.Traffic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        GridCase first = GridCase.standard().get(0);
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
                .contains("QEMU 10.0.2, accel tcg");
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

    // Guards the one-definition promise of the qemu hypervisor profile: a user who gives only what they can observe
    // (RAM, used RAM, a paced writer, link rate, QEMU's parameters) gets within the stated errors of the stored real
    // runs (docs/qemu-vs-sim.md: total time 5 %, bytes 2 %, downtime 48 % on 2026-11-29).
    @Test
    void observedInputsUnderTheQemuProfile_agreeWithTheStoredRuns() throws Exception {
        Map<String, QemuMeasurement> runs = CompareGrid.load(Path.of("../docs/qemu-vs-sim.json"));
        io.miglab.core.sim.PageLevelSimulator sim = new io.miglab.core.sim.PageLevelSimulator();
        double time = 0, bytes = 0, down = 0;
        int n = 0, completed = 0;
        for (GridCase c : GridCase.standard()) {
            QemuMeasurement m = runs.get(c.label());
            if (m == null) continue;
            MigrationResult r = sim.migrate(io.miglab.qemu.calibrate.GuestCalibration.observed(c.spec()));
            assertThat(r.outcome().completed()).as(c.label()).isEqualTo(m.result().outcome().completed());
            time += Math.abs(ComparisonTable.errorPercent(m.result().timing().totalTimeMs(), r.timing().totalTimeMs()));
            bytes += Math.abs(ComparisonTable.errorPercent(m.result().traffic().bytesTransferred(), r.traffic().bytesTransferred()));
            n++;
            if (m.result().outcome().completed()) {
                down += Math.abs(ComparisonTable.errorPercent(m.result().timing().downtimeMs(), r.timing().downtimeMs()));
                completed++;
            }
        }
        assertThat(n).isEqualTo(19);
        assertThat(time / n).isLessThan(8);
        assertThat(bytes / n).isLessThan(3);
        assertThat(down / completed).isLessThan(50);
    }
}
