package io.miglab.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep reuses what its points share (spec parts, the zero-page layout); its rows must be the rows each point
 * gives when it is run alone.
 */
class SweepPointAloneTest {
    @TempDir
    Path dir;

    // Guards against a point's result depending on the points run before it in the same sweep.
    @Test
    void eachRowOfAGrid_isTheRowOfItsPointRunAlone() throws Exception {
        for (String backend : List.of("sim", "closed-form")) {
            List<String> common = List.of("--backend", backend, "--memory", "64M", "--zero-pages", "0.4",
                    "--write-model", "sweep", "--working-set", "32M", "--no-plots");
            Path all = dir.resolve(backend + "-grid");
            List<String> grid = rows(common, all, "--vary", "dirty-rate=500..2500+1000", "--vary",
                    "bandwidth=20M,40M");
            assertThat(grid).hasSize(1 + 6);
            int i = 1;
            for (String rate : List.of("500", "1500", "2500")) {
                for (String bandwidth : List.of("20M", "40M")) {
                    List<String> alone = rows(common, dir.resolve(backend + "-" + rate + "-" + bandwidth),
                            "--vary", "dirty-rate=" + rate, "--vary", "bandwidth=" + bandwidth);
                    assertThat(alone.get(0)).isEqualTo(grid.get(0));
                    assertThat(alone.get(1)).as(backend + " " + rate + " " + bandwidth).isEqualTo(grid.get(i++));
                }
            }
        }
    }

    private static List<String> rows(List<String> common, Path out, String... vary) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("sweep"));
        args.addAll(List.of(vary));
        args.addAll(common);
        args.addAll(List.of("--out", out.toString()));
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Files.readAllLines(out.resolve("sweep.csv"));
    }
}
