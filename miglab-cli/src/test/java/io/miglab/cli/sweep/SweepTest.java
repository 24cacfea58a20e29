package io.miglab.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.cli.Cli;
import io.miglab.cli.Main;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code miglab sweep}: one CSV row per point, the right numbers, real plot files. */
class SweepTest {
    @TempDir
    Path dir;

    private static List<List<String>> csv(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(l -> Arrays.asList(l.split(",", -1))).toList();
    }

    // Guards against the migration time not scaling with memory (a per-page or per-round cost counted wrongly).
    @Test
    void idleGuestMemorySweep_totalTimeGrowsLinearlyWithMemory() throws Exception {
        Cli.Run run = Cli.run("sweep", "--vary", "memory=128M..2G*2", "--device-state", "0",
                "--bandwidth", "100MiB/s", "--out", dir.toString(), "--no-plots");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<List<String>> rows = csv(dir.resolve("sweep.csv"));
        List<String> header = rows.get(0);
        assertThat(rows).hasSize(1 + 5);
        int mem = header.indexOf("memoryMiB"), total = header.indexOf("totalTimeMs");
        double msPerMiB = Double.parseDouble(rows.get(1).get(total)) / Double.parseDouble(rows.get(1).get(mem));
        for (List<String> row : rows.subList(1, rows.size())) {
            double expected = msPerMiB * Double.parseDouble(row.get(mem));
            assertThat(Double.parseDouble(row.get(total))).isCloseTo(expected, within(expected * 0.01));
        }
        // 100 MiB/s: a page costs 4096 + 8 header bytes, so 1 MiB of guest takes about 10 ms
        assertThat(msPerMiB).isCloseTo(10.0 * 4104 / 4096, within(0.01));
    }

    // Guards against a grid losing or duplicating points, and the comparison columns going missing.
    @Test
    void grid_hasOneRowPerPoint_inOrder() throws Exception {
        Cli.Run run = Cli.run("sweep", "--memory", "64M", "--vary", "bandwidth=50M,100M,200M",
                "--vary", "dirty-rate=0..2000+1000", "--out", dir.toString(), "--no-plots");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<List<String>> rows = csv(dir.resolve("sweep.csv"));
        assertThat(rows).hasSize(1 + 9);
        List<String> header = rows.get(0);
        assertThat(header.subList(0, 3)).containsExactly("bandwidthMiBps", "dirtyRatePagesPerSecond", "algorithm");
        assertThat(header).contains("precopyTotalTimeMs", "stopAndCopyTotalTimeMs");
        assertThat(rows.get(1).subList(0, 2)).containsExactly("50", "0");
        assertThat(rows.get(3).subList(0, 2)).containsExactly("50", "2000");
        assertThat(rows.get(9).subList(0, 2)).containsExactly("200", "2000");
        // stop-and-copy's time depends on bandwidth only: halved when bandwidth doubles
        int sac = header.indexOf("stopAndCopyTotalTimeMs");
        double at50 = Double.parseDouble(rows.get(1).get(sac)), at100 = Double.parseDouble(rows.get(4).get(sac));
        assertThat(at100).isCloseTo(at50 / 2, within(at50 * 0.001));
        assertThat(run.out()).contains("csv:   " + dir.resolve("sweep.csv"));
    }

    // Guards against a large grid flooding the terminal, or the CSV losing the points the terminal leaves out.
    @Test
    void largeGrid_terminalShowsTheFirstRows_csvHoldsEveryPoint() throws Exception {
        Cli.Run run = Cli.run("sweep", "--backend", "closed-form", "--memory", "64M",
                "--vary", "dirty-rate=0..14900+100", "--no-compare", "--out", dir.toString(), "--no-plots");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(csv(dir.resolve("sweep.csv"))).hasSize(1 + 150);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("9900 "))
                .noneMatch(l -> l.startsWith("10000 "))
                .contains("... and 50 more points: every point is in the CSV");
    }

    // Guards against plot files that are empty or not images.
    @Test
    void pngPlots_areRealPngFiles() throws Exception {
        Cli.Run run = Cli.run("sweep", "--memory", "64M", "--vary", "dirty-rate=0..4000+2000",
                "--out", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String name : List.of("total-time", "data-transferred", "downtime", "precopy-vs-stop-and-copy")) {
            Path f = dir.resolve(name + ".png");
            assertThat(run.out()).contains("plot:  " + f);
            byte[] head;
            try (InputStream in = Files.newInputStream(f)) {
                head = in.readNBytes(8);
            }
            assertThat(head).containsExactly(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
            assertThat(javax.imageio.ImageIO.read(f.toFile()).getWidth()).isEqualTo(900);
        }
    }

    // Guards against SVG output that is not well-formed XML.
    @Test
    void svgPlots_parseAsXml() throws Exception {
        Cli.Run run = Cli.run("sweep", "--memory", "64M", "--vary", "algorithm=precopy,postcopy",
                "--plot-format", "svg", "--out", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String name : List.of("total-time", "data-transferred", "downtime")) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document doc = f.newDocumentBuilder().parse(dir.resolve(name + ".svg").toFile());
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        }
        assertThat(dir.resolve("precopy-vs-stop-and-copy.svg")).doesNotExist();
    }

    // Guards against sweep axes that silently run nothing or run the wrong parameter.
    @Test
    void badVary_exits2_namingTheProblem() {
        Cli.Run noName = Cli.run("sweep", "--vary", "colour=1,2");
        assertThat(noName.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(noName.errLines()).containsExactly("miglab: vary: NAME=VALUES with NAME one of bandwidth, memory, "
                + "dirty-rate, working-set, downtime-limit, algorithm, writer-phase (got 'colour=1,2')");
        Cli.Run badValue = Cli.run("sweep", "--vary", "memory=1G,lots");
        assertThat(badValue.errLines())
                .containsExactly("miglab: memory: a non-negative size like 4096, 256M, 4G or 64GiB (got 'lots')");
        Cli.Run badBackend = Cli.run("sweep", "--vary", "memory=1G", "--backend", "xen");
        assertThat(badBackend.errLines()).containsExactly("miglab: backend: one of sim, closed-form, qemu (got 'xen')");
    }
}
