package io.miglab.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.cli.Cli;
import io.miglab.cli.Main;
import io.miglab.cli.RealQemuGuest;
import io.miglab.cli.spec.ScenarioValues;
import io.miglab.cli.spec.SpecFactory;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.qemu.migrate.QemuBackend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/** {@code miglab sweep --backend qemu}: real migrations, repeated, with the simulator's curve over them. */
class RealSweepTest {
    @TempDir
    Path dir;

    // Guards against medians outside their runs (a median of the wrong column, or of one run), and a plot without
    // the real points or without the simulator's curve over them. Run as the command runs it (SweepCommand.real),
    // in-process, so the plot's series can be read back.
    @Test
    @Tag("qemu")
    void aRealSweepOfThreePointsTwiceEachHasMediansWithinTheirRunsAndBothCurves() throws IOException {
        RealQemuGuest.require();
        AlgorithmRegistry registry = AlgorithmRegistry.standard();
        ScenarioValues base = ScenarioValues.empty().with("memory", "256M", "test");
        List<SweepAxis> axes = List.of(SweepAxisParser.parse("bandwidth=50M,100M,200M", registry));
        SpecFactory factory = new SpecFactory(registry);
        SweepRunner.Settings settings = new SweepRunner.Settings(false, 2, RealSweep.simulator(registry), true);
        RealSweep.check(SweepRunner.specs(base, axes, factory), settings, RealSweep.availableMemory());
        Path out = dir.resolve("sweep");
        StringWriter table = new StringWriter();
        SweepReport.Outcome outcome = SweepReport.run(base, axes, factory, new QemuBackend(), settings, out,
                SweepPlotter.Format.PNG, true, new PrintWriter(table), SweepRunner.Listener.NONE);
        List<String> lines = Files.readAllLines(outcome.csv());
        assertThat(lines).hasSize(4);
        List<String> header = List.of(lines.get(0).split(","));
        for (String row : lines.subList(1, 4)) {
            List<String> cells = List.of(row.split(","));
            assertThat(cells.get(header.indexOf("backend"))).isEqualTo("qemu");
            assertThat(cells.get(header.indexOf("completed"))).isEqualTo("true");
            assertThat(cells.get(header.indexOf("repeats"))).isEqualTo("2");
            for (String m : List.of("totalTimeMs", "downtimeMs", "bytesTransferred")) {
                double median = Double.parseDouble(cells.get(header.indexOf(m)));
                double min = Double.parseDouble(cells.get(header.indexOf(m + "Min")));
                double max = Double.parseDouble(cells.get(header.indexOf(m + "Max")));
                assertThat(median).as(m + " in " + row).isBetween(min, max);
                assertThat(max).as(m).isPositive();
            }
            assertThat(Double.parseDouble(cells.get(header.indexOf("simTotalTimeMs")))).isPositive();
        }
        PlotContext context = PlotContext.of(factory.build(SweepRunner.values(base, axes,
                outcome.points().get(0).coordinates())), axes);
        XYChart total = (XYChart) SweepPlotter.charts(axes, outcome.points(), context).get("total-time");
        assertThat(total.getSeriesMap().keySet()).contains("precopy, qemu (median, bar min-max of 2 runs)",
                "precopy, simulator");
        assertThat(total.getSeriesMap().get("precopy, simulator").getXData()).hasSize(3);
        assertThat(outcome.plots()).allMatch(Files::exists);
        assertThat(table.toString()).contains("sim total s").contains("error %");
    }

    // Guards against a sweep that boots guests before finding out it cannot finish: each refusal is one line naming
    // the flag, exit 2, and nothing is written.
    @Test
    void badInputForTheQemuBackendIsRefusedBeforeAnythingStarts() {
        Path out = dir.resolve("never");
        Cli.Run huge = Cli.run("sweep", "--backend", "qemu", "--vary", "bandwidth=50M,100M", "--memory", "4T",
                "--out", out.toString());
        assertThat(huge.exitCode()).isEqualTo(2);
        assertThat(huge.errLines()).hasSize(1);
        assertThat(huge.err()).startsWith("miglab: memory: at most ").contains("MiB this machine has available")
                .contains("(got 4096GiB)");
        Cli.Run many = Cli.run("sweep", "--backend", "qemu", "--vary", "bandwidth=10M..200M+10M", "--memory",
                "256M", "--repeat", "10", "--out", out.toString());
        assertThat(many.exitCode()).isEqualTo(2);
        assertThat(many.errLines()).containsExactly("miglab: repeat: at most 200 real migrations per sweep (points x "
                + "repeat x algorithms) (got 20 points x 10 x 2 = 400)");
        Cli.Run repeatSim = Cli.run("sweep", "--vary", "bandwidth=50M,100M", "--repeat", "2", "--out",
                out.toString());
        assertThat(repeatSim.exitCode()).isEqualTo(2);
        assertThat(repeatSim.err()).startsWith("miglab: repeat: 1 for --backend sim");
        Cli.Run compareSim = Cli.run("sweep", "--vary", "bandwidth=50M,100M", "--compare", "--out", out.toString());
        assertThat(compareSim.exitCode()).isEqualTo(2);
        assertThat(compareSim.err()).startsWith("miglab: compare: only with --backend qemu");
        Cli.Run writes = Cli.run("sweep", "--backend", "qemu", "--vary", "bandwidth=50M,100M", "--memory", "256M",
                "--write-model", "uniform", "--dirty-rate", "100", "--out", out.toString());
        assertThat(writes.exitCode()).isEqualTo(2);
        assertThat(writes.err()).startsWith("miglab: write-model:");
        assertThat(out).doesNotExist();
    }

    // Guards against a stopped sweep (Ctrl-C, SIGTERM: the same shutdown hooks) leaving QEMUs running or losing the
    // points it had measured.
    @Test
    @Tag("qemu")
    void aSweepStoppedAfterItsFirstPointKeepsItAndLeavesNoQemu() throws Exception {
        RealQemuGuest.require();
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path out = dir.resolve("stopped");
        List<String> argv = new ArrayList<>(List.of("java", "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path")));
        String guest = System.getProperty("miglab.guest.dir");
        if (guest != null) argv.add("-Dmiglab.guest.dir=" + guest);
        argv.addAll(List.of(Main.class.getName(), "sweep", "--backend", "qemu", "--vary",
                "bandwidth=200M,20M,10M", "--memory", "256M", "--no-compare", "--no-plots", "--out", out.toString()));
        Path log = dir.resolve("stopped.log");
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Path csv = out.resolve("sweep.csv");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.exists(csv) && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(200);
            assertThat(csv).as(Files.readString(log)).exists();
            Thread.sleep(3000); // the next point's guests are booting or migrating
            assertThat(qemusUnder(tmp)).as("the next point's QEMUs").isNotEmpty();
            p.destroy(); // SIGTERM: the shutdown hooks, as Ctrl-C
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readAllLines(csv)).hasSize(2);
            assertThat(Files.readString(log)).contains("sweep stopped; 1 point(s) measured are in");
            Thread.sleep(500);
            assertThat(qemusUnder(tmp)).as("QEMUs left").isEmpty();
        } finally {
            p.destroyForcibly();
        }
    }

    /** PIDs of processes whose command line names a path under {@code tmp} (the QEMUs' sockets are there). */
    private static List<Long> qemusUnder(Path tmp) throws IOException {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) continue;
                try {
                    String cmd = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmd.contains("qemu") && cmd.contains(tmp.toString())) pids.add(Long.parseLong(name));
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return pids;
    }
}
