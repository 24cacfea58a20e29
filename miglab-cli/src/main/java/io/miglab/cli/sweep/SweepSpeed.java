package io.miglab.cli.sweep;

import io.miglab.cli.backend.Backends;
import io.miglab.cli.spec.ScenarioValues;
import io.miglab.cli.spec.SpecFactory;
import io.miglab.core.MigrationBackend;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.spec.MigrationSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a {@code sweep} point costs once the JIT has compiled the sweep, against the model alone on the same points:
 * whether the sweep's own per-point work (each point's spec, its result, the table and CSV rows) dwarfs the
 * migration it reports. A fresh {@code java -jar miglab.jar sweep} of a few thousand points pays mostly for the JIT
 * (scripts/bench-vs-simgrid.sh shows that figure); this one runs the whole command in one process several times and
 * reports the last rounds, main-thread CPU per point. The case is the SimGrid one of that script: a 1 GiB guest at
 * 100 MB/s writing 2,441 pages/s in address order over 0.9 of its memory, downtime limit 30 ms, a grid of 1,000
 * dirty rates by {@code bandwidths} bandwidths 1 B/s apart.
 *
 * <pre>java -cp miglab.jar io.miglab.cli.sweep.SweepSpeed [BANDWIDTHS [ROUNDS]]</pre>
 */
public final class SweepSpeed {
    private static final Map<String, String> CASE = Map.of("memory", "1G", "bandwidth", "100MB/s",
            "write-model", "sweep", "working-set", "966367641", "downtime-limit", "30ms");
    private static final String RATES = "dirty-rate=2441..2441.999+0.001";

    private SweepSpeed() { }

    public static void main(String[] args) throws IOException {
        int bandwidths = args.length > 0 ? whole(args[0]) : 10;
        int rounds = args.length > 1 ? whole(args[1]) : 8;
        if (args.length > 2 || bandwidths < 1 || bandwidths > 1000 || rounds < 2 || rounds > 100) {
            System.err.println("SweepSpeed: BANDWIDTHS 1 to 1000, ROUNDS 2 to 100");
            System.exit(2);
        }
        System.out.printf("%,d points a round, %d rounds, the median of the last half; main-thread CPU per point%n",
                1000 * bandwidths, rounds);
        for (Figures f : measure(bandwidths, rounds)) {
            System.out.printf("  %-12s sweep %8.2f us   the model alone %8.2f us   sweep / model %5.2f%n",
                    f.backend(), f.sweepMicros(), f.modelMicros(), f.sweepMicros() / f.modelMicros());
        }
    }

    private static int whole(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** One backend's figures: main-thread CPU per point of the whole sweep and of the model alone, in us. */
    public record Figures(String backend, double sweepMicros, double modelMicros) { }

    /** The figures of every model backend over 1,000 x {@code bandwidths} points, {@code rounds} rounds each. */
    public static List<Figures> measure(int bandwidths, int rounds) throws IOException {
        String widths = "bandwidth=100000000.." + (100_000_000 + bandwidths - 1) + "+1";
        int points = 1000 * bandwidths;
        Path out = Files.createTempDirectory("miglab-sweep-speed");
        try {
            List<Figures> figures = new ArrayList<>();
            for (String backend : Backends.NAMES) {
                double sweep = median(rounds, () -> sweepOnce(backend, widths, out)) / points;
                double model = median(rounds, () -> modelOnce(backend, widths)) / points;
                figures.add(new Figures(backend, sweep * 1e6, model * 1e6));
            }
            return figures;
        } finally {
            try (Stream<Path> files = Files.walk(out)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Seconds of this thread's CPU for the whole sweep as {@code miglab sweep --no-plots --no-compare} runs it once
     * its options are read: every point's spec from text, the migrations, the table (its text dropped) and the CSV.
     */
    private static double sweepOnce(String backend, String widths, Path out) throws IOException {
        AlgorithmRegistry registry = AlgorithmRegistry.standard();
        double start = cpu();
        SweepReport.run(ScenarioValues.of(CASE, ScenarioValues.FLAG), axes(registry, widths),
                new SpecFactory(registry), Backends.create(backend, registry), false, out, SweepPlotter.Format.PNG,
                false, new PrintWriter(Writer.nullWriter()));
        return cpu() - start;
    }

    /** Seconds of this thread's CPU for the backend alone on the same points, their specs built beforehand. */
    private static double modelOnce(String backend, String widths) {
        AlgorithmRegistry registry = AlgorithmRegistry.standard();
        List<MigrationSpec> specs = SweepRunner.specs(ScenarioValues.of(CASE, ScenarioValues.FLAG),
                axes(registry, widths), new SpecFactory(registry));
        MigrationBackend b = Backends.create(backend, registry);
        double start = cpu();
        for (MigrationSpec s : specs) b.migrate(s);
        return cpu() - start;
    }

    /** The grid's two axes: the case's 1,000 dirty rates by {@code widths}. */
    private static List<SweepAxis> axes(AlgorithmRegistry registry, String widths) {
        return List.of(SweepAxisParser.parse(RATES, registry), SweepAxisParser.parse(widths, registry));
    }

    private interface Round {
        double seconds() throws IOException;
    }

    private static double median(int rounds, Round round) throws IOException {
        double[] s = new double[rounds];
        for (int i = 0; i < rounds; i++) s[i] = round.seconds();
        double[] last = Arrays.copyOfRange(s, rounds / 2, rounds);
        Arrays.sort(last);
        return last[last.length / 2];
    }

    private static double cpu() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return bean.getCurrentThreadCpuTime() / 1e9;
    }
}
