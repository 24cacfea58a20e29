package io.miglab.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCsvPinnedTest {
    @TempDir
    Path dir;

    // Guards the sweep's CSV byte for byte (its table is the golden case sweep-small, same arguments): the per-point
    // work of a sweep (specs, table and CSV cells) was made cheaper, and no figure, column or rounding may move.
    @Test
    void smallSweep_writesThePinnedCsv() throws Exception {
        Path out = dir.resolve("o");
        Cli.Run run = Cli.run("sweep", "--vary", "dirty-rate=2000..2441+49", "--vary", "bandwidth=100MB/s,1Gbit/s",
                "--memory", "1G", "--write-model", "sweep", "--working-set", "966367641", "--downtime-limit", "30ms",
                "--no-plots", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out.resolve("sweep.csv")))
                .isEqualTo(Files.readString(Path.of("src/test/resources/sweep/sweep-small.csv")));
    }
}
