package io.miglab.cli.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --writer-phase}: where a sweep stands when the migration starts, or median when that is not known. */
class WriterPhaseCliTest {
    private static Cli.Run simulate(String... more) {
        List<String> args = new ArrayList<>(List.of("simulate", "--hypervisor", "qemu", "--memory", "256MiB",
                "--zero-pages", "0.53", "--write-model", "sweep", "--working-set", "64MiB", "--dirty-rate", "5000",
                "--bandwidth-cap", "20MiB/s", "--multifd-channels", "4", "--csv"));
        args.addAll(Arrays.asList(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aPercentAndAShare_areTheSamePhase() {
        Cli.Run share = simulate("--writer-phase", "0.25");
        assertThat(share.exitCode()).as(share.err()).isZero();
        assertThat(simulate("--writer-phase", "25%").out()).isEqualTo(share.out());
        // and the phase is not ignored
        assertThat(simulate().out()).isNotEqualTo(share.out());
    }

    @Test
    void median_isSaidInTheSummary() {
        Cli.Run run = Cli.run("simulate", "--write-model", "sweep", "--working-set", "64MiB", "--dirty-rate", "100",
                "--writer-phase", "median");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("the median run of 7 starting points");
    }

    // Guards the spread printed beside the median run: the fastest and slowest of the seven, the median between.
    @Test
    void median_printsTheSpreadOfTheSevenRuns() {
        Cli.Run run = simulate("--writer-phase", "median");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Cli.Run table = Cli.run("simulate", "--hypervisor", "qemu", "--memory", "256MiB", "--zero-pages", "0.53",
                "--write-model", "sweep", "--working-set", "64MiB", "--dirty-rate", "5000", "--bandwidth-cap",
                "20MiB/s", "--multifd-channels", "4", "--writer-phase", "median");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("the median of 7 runs shown, their total time "
                + "([0-9.]+) to ([0-9.]+) s").matcher(table.out());
        assertThat(m.find()).as(table.out()).isTrue();
        double shown = Double.parseDouble(run.out().lines().skip(1).findFirst().orElseThrow().split(",")[8]) / 1000;
        assertThat(Double.parseDouble(m.group(1))).isLessThan(Double.parseDouble(m.group(2)))
                .isLessThanOrEqualTo(shown + 0.005);
        assertThat(Double.parseDouble(m.group(2))).isGreaterThanOrEqualTo(shown - 0.005);
    }

    @Test
    void aPhaseOfOneOrMore_isRefusedWithTheRangeAndNothingPrinted() {
        Cli.Run run = simulate("--writer-phase", "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n").contains("writer-phase").contains("0 to below 1")
                .contains("'1'");
    }

    @Test
    void aPhaseWithoutASweep_isRefused() {
        Cli.Run run = Cli.run("simulate", "--dirty-rate", "100", "--writer-phase", "0.5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("writer-phase: only with --write-model sweep");
    }

    // Guards the sweep axis: each point runs at its own phase (rows differ where the phase matters) and a phase
    // past the array is refused naming the axis, nothing written.
    @Test
    void sweepVariesThePhase(@TempDir Path dir) throws IOException {
        Cli.Run run = Cli.run("sweep", "--hypervisor", "qemu", "--memory", "256MiB", "--zero-pages", "0.53",
                "--write-model", "sweep", "--working-set", "64MiB", "--dirty-rate", "5000", "--bandwidth-cap",
                "20MiB/s", "--multifd-channels", "4", "--vary", "writer-phase=0,0.5", "--out", dir.toString(),
                "--no-plots");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("sweep.csv"));
        assertThat(lines.get(0)).startsWith("writerPhase,");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).substring(lines.get(1).indexOf(','))).isNotEqualTo(
                lines.get(2).substring(lines.get(2).indexOf(',')));

        Path bad = dir.resolve("bad");
        Cli.Run refused = Cli.run("sweep", "--write-model", "sweep", "--working-set", "64MiB", "--dirty-rate", "5000",
                "--vary", "writer-phase=0,1", "--out", bad.toString(), "--no-plots");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.errLines()).hasSize(1);
        assertThat(refused.err()).contains("writer-phase").contains("below 1");
        assertThat(bad).doesNotExist();
    }
}
