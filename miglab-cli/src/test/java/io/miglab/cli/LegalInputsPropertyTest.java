package io.miglab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * No input the CLI accepts hangs or exhausts the heap: random single-migration inputs (any write rate up to
 * 1e18 pages/s, any write model, dirty traces with intervals down to 1 us) each finish within a time and heap
 * budget, with a result (exit 0) or one line of bad input (exit 2), never an unexpected failure.
 *
 * <p>Two costs of the page-level simulator itself are kept out of reach, as they do not come from the inputs
 * checked here: the timeout is at most 300 s of simulated time (a run that never converges sends the whole guest
 * once per round until the timeout, about 1e9 page sends for an hour at 10 Gbit/s), and post-copy and hybrid runs
 * push the guest in at most 10 s, or 1 s above 1e6 pages/s: the post-copy pusher advances the guest in slices of
 * 0.5 ms, each costing up to the writes in it (up to 64 per page of the region), so a long push at a high rate
 * does not finish in any budget (512 MiB over 100 Mbit/s at 5e9 pages/s: 86,000 slices of 2.5 million writes).
 */
class LegalInputsPropertyTest {
    static final Duration TIME_BUDGET = Duration.ofSeconds(30);
    static final long HEAP_BUDGET = 768L << 20;
    private final List<Path> traces = new ArrayList<>();

    @AfterProperty
    void removeTraces() throws IOException {
        for (Path p : traces) Files.deleteIfExists(p);
    }

    /** Guards the rule "no legal input hangs or exhausts memory" for simulate and predict. */
    @Property(tries = 60)
    void everyAcceptedInputFinishesWithinBudget(@ForAll("inputs") List<String> args) {
        resetPeaks();
        Cli.Run run = assertTimeoutPreemptively(TIME_BUDGET, () -> Cli.run(args.toArray(String[]::new)),
                () -> "over " + TIME_BUDGET.toSeconds() + " s: " + String.join(" ", args));
        Statistics.label("exit code").collect(run.exitCode());
        if (run.exitCode() == 2) Statistics.label("refused").collect(run.err().split(":")[1].strip());
        assertThat(run.exitCode()).as("exit code of %s; stderr %s", args, run.err()).isIn(0, 2);
        if (run.exitCode() == 2) assertThat(run.errLines()).as("stderr of %s", args).hasSize(1);
        assertThat(oldGenerationPeak()).as("heap kept by %s", args).isLessThan(HEAP_BUDGET);
    }

    @Provide
    Arbitrary<List<String>> inputs() {
        return Arbitraries.longs().map(seed -> args(new Random(seed)));
    }

    private List<String> args(Random r) {
        long memory = 4096L << r.nextInt(19); // 4 KiB to 1 GiB
        String command = r.nextInt(4) == 0 ? "predict" : "simulate";
        String algorithm = pick(r, "precopy", "postcopy", "hybrid", "stop-and-copy");
        double mbits = Math.pow(10, r.nextInt(5)); // 1 Mbit/s to 10 Gbit/s
        double pagesPerSecond = Math.pow(10, r.nextDouble() * 18);
        if (!algorithm.equals("precopy") && !algorithm.equals("stop-and-copy")) {
            double push = pagesPerSecond > 1e6 ? 1 : 10;
            while (memory * 8 / (mbits * 1e6) > push) mbits *= 10;
        }
        List<String> a = new ArrayList<>(List.of(command, "--memory", memory + "", "--bandwidth",
                (long) mbits + "Mbit/s", "--seed", r.nextInt(1000) + ""));
        // xen's policy stops by itself (30 rounds, 3x the memory sent) and takes no timeout
        if (r.nextInt(3) == 0) a.addAll(List.of("--policy", "xen"));
        else a.addAll(List.of("--timeout", (1 + r.nextInt(300)) + "s"));
        String model = pick(r, "uniform", "working-set", "sweep", "trace");
        String rate = String.format(Locale.ROOT, "%.3g", pagesPerSecond);
        long workingSet = Math.max(4096, (long) (memory * r.nextDouble()) / 4096 * 4096);
        switch (model) {
            case "uniform" -> a.addAll(List.of("--write-model", "uniform", "--dirty-rate", rate));
            case "working-set", "sweep" -> a.addAll(List.of("--write-model", model, "--dirty-rate", rate,
                    "--working-set", workingSet + ""));
            default -> a.addAll(List.of("--write-model", "trace:" + trace(r, (int) (memory / 4096))));
        }
        if (command.equals("simulate")) {
            a.addAll(List.of("--algorithm", algorithm));
        }
        return a;
    }

    /** A dirty trace with a random interval (1 us to 1 s) and a few random lines over {@code pages} pages. */
    private String trace(Random r, int pages) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
                "# miglab-dirty-trace v1 interval_ms=%.3g page_size=4096%n", Math.pow(10, r.nextDouble() * 6 - 3)));
        for (int line = 1 + r.nextInt(20); line > 0; line--) {
            int from = r.nextInt(pages), to = Math.min(pages - 1, from + r.nextInt(1 + pages / 4));
            t.append(r.nextInt(5) == 0 ? "-" : from + "-" + to + " " + r.nextInt(pages)).append('\n');
        }
        try {
            Path f = Files.createTempFile("legal-input", ".trace");
            traces.add(f);
            return Files.writeString(f, t).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String pick(Random r, String... choices) {
        return choices[r.nextInt(choices.length)];
    }

    static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
    }

    /** Peak of the heap pools that hold what survives collections (what a run keeps, not its garbage). */
    static long oldGenerationPeak() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && !p.getName().contains("Eden")) peak += p.getPeakUsage().getUsed();
        }
        return peak;
    }
}
