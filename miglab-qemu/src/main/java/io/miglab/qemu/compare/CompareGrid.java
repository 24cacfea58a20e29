package io.miglab.qemu.compare;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.miglab.qemu.calibrate.ObservedInputs;
import io.miglab.qemu.migrate.QemuBackend;
import io.miglab.qemu.migrate.QemuRun;
import io.miglab.qemu.serial.HeartbeatAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs the comparison corpus ({@link GridCases#all()}) on real QEMU and writes the page of QEMU against the
 * simulator ({@link CorpusPage}).
 *
 * <pre>
 *   CompareGrid [--sim-only] [--only TEXT] [--category NAME] [--repeat R] [--runs FILE] [--merge OTHER.json]...
 *               [--out FILE] [--readme README.md]
 * </pre>
 * {@code --runs} (default docs/qemu-vs-sim.json) holds the stored runs; each QEMU run is saved there as soon as it
 * ends, so an interrupted corpus keeps what it measured, with the guest writer's MEM reports during the migration
 * ({@code WriterReports}): the simulator side of such a run uses the rate the writer reached in it
 * ({@link GridCase#runSpec}). {@code --merge} adds the runs of another such file, a run
 * of the same label replacing the stored one, so several people's runs combine. {@code --only} and
 * {@code --category} select cases; {@code --repeat R} runs each selected case R times (labels {@code "... #2"} and
 * on) instead of the case's own repeat count. {@code --sim-only} runs no QEMU and recomputes the simulator side.
 * {@code --readme} rewrites the per-category table between the summary markers of that file.
 * Text after the line {@value CorpusPage#FINDINGS_MARKER} in the page is kept when it is rewritten.
 */
public final class CompareGrid {
    static final String FINDINGS_MARKER = CorpusPage.FINDINGS_MARKER;
    static final ObjectMapper JSON =
            ResultJson.register(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));
    private static final String USAGE = "usage: CompareGrid [--sim-only] [--only TEXT] [--category NAME] "
            + "[--repeat R] [--runs FILE] [--merge OTHER.json]... [--out FILE] [--readme FILE]";

    /** What the command line asked for. */
    record Args(boolean simOnly, Optional<String> only, Optional<Category> category, Optional<Integer> repeat,
                Path runs, List<Path> merge, Path out, Optional<Path> readme) {
        boolean selects(GridCase c) {
            return only.map(t -> c.label().contains(t)).orElse(true) && category.map(k -> c.category() == k)
                    .orElse(true);
        }
    }

    public static void main(String[] args) throws IOException {
        Args a;
        try {
            a = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        run(a);
    }

    static Args parse(String[] args) {
        boolean simOnly = false;
        Optional<String> only = Optional.empty();
        Optional<Category> category = Optional.empty();
        Optional<Integer> repeat = Optional.empty();
        Path runs = Path.of("docs/qemu-vs-sim.json");
        Path out = Path.of("docs/qemu-vs-sim.md");
        List<Path> merge = new ArrayList<>();
        Optional<Path> readme = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--sim-only")) {
                simOnly = true;
                continue;
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException(flag + ": a value is missing");
            String value = args[++i];
            switch (flag) {
                case "--only" -> only = Optional.of(value);
                case "--category" -> category = Optional.of(Category.named(value));
                case "--repeat" -> repeat = Optional.of(repeat(value));
                case "--runs" -> runs = Path.of(value);
                case "--merge" -> merge.add(Path.of(value));
                case "--out" -> out = Path.of(value);
                case "--readme" -> readme = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown flag " + flag + "; " + USAGE);
            }
        }
        return new Args(simOnly, only, category, repeat, runs, List.copyOf(merge), out, readme);
    }

    private static int repeat(String value) {
        try {
            int r = Integer.parseInt(value.trim());
            if (r >= 1 && r <= 20) return r;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("repeat: 1 to 20 runs per case (got '" + value + "')");
    }

    static void run(Args a) throws IOException {
        Map<String, QemuMeasurement> measured = load(a.runs());
        for (Path other : a.merge()) {
            Map<String, QemuMeasurement> more = load(other);
            if (more.isEmpty()) throw new IOException("--merge " + other + ": no runs there");
            measured.putAll(more);
            System.out.printf(Locale.ROOT, "merged %d runs from %s%n", more.size(), other);
        }
        if (!a.merge().isEmpty()) save(a.runs(), measured);
        if (!a.simOnly()) measure(a, measured);
        List<String> orphans = measured.keySet().stream().filter(l -> GridCases.find(l).isEmpty()).toList();
        if (!orphans.isEmpty()) System.out.println("stored runs of no case (not on the page): " + orphans);
        Files.writeString(a.out(), CorpusPage.render(measured, existingFindings(a.out())));
        System.out.println("wrote " + a.out());
        if (a.readme().isPresent()) {
            Path readme = a.readme().get();
            Files.writeString(readme, CorpusPage.withSummary(Files.readString(readme), measured));
            System.out.println("updated the per-category summary in " + readme);
        }
    }

    private static void measure(Args a, Map<String, QemuMeasurement> measured) throws IOException {
        List<String> todo = new ArrayList<>();
        Map<String, GridCase> cases = new LinkedHashMap<>();
        for (GridCase c : GridCases.all()) {
            if (!a.selects(c)) continue;
            for (int n = 1; n <= a.repeat().orElse(c.repeats()); n++) {
                todo.add(c.runLabel(n));
                cases.put(c.runLabel(n), c);
            }
        }
        QemuBackend qemu = new QemuBackend();
        int done = 0;
        long startAll = System.nanoTime();
        for (String label : todo) {
            GridCase c = cases.get(label);
            System.out.printf(Locale.ROOT, "[%d/%d, %.0f s] QEMU: %s (%s) ...%n", ++done, todo.size(),
                    (System.nanoTime() - startAll) / 1e9, label, c.category().label());
            long start = System.nanoTime();
            try {
                QemuRun run = runOnce(qemu, c);
                double wall = (System.nanoTime() - start) / 1e9;
                OptionalLong achieved = run.writer().achievedPagesPerSecond();
                measured.put(label, new QemuMeasurement(label, run.result(),
                        run.heartbeat().map(HeartbeatAnalysis::switchGapMs).orElse(-1.0), run.counterContinued(),
                        run.qemuVersion(), run.accel().qemuName(), wall, c.category().label(),
                        run.guest().kernelCommandLine(), ObservedInputs.command(c.runSpec(achieved)), run.writer(),
                        false, false));
                System.out.printf(Locale.ROOT, "  %s in %.1f s: total %.0f ms, downtime %.0f ms, heartbeat gap %.0f "
                                + "ms, %.1f MiB, %d rounds; writer %s pages/s (%d MEM reports)%n",
                        run.result().outcome().completed() ? "completed" : run.result().outcome().stopReason(),
                        wall, run.result().timing().totalTimeMs(), run.result().timing().downtimeMs(),
                        run.heartbeat().map(HeartbeatAnalysis::switchGapMs).orElse(-1.0),
                        run.result().traffic().bytesTransferred() / 1048576.0, run.result().roundCount(),
                        achieved.isPresent() ? Long.toString(achieved.getAsLong()) : "-",
                        run.writer().reports().size());
            } catch (RuntimeException e) {
                System.out.println("  FAILED: " + e.getMessage());
            }
            save(a.runs(), measured);
        }
    }

    /** One run; a guest that failed to boot or a QMP error is tried once more, so an unattended corpus goes on. */
    private static QemuRun runOnce(QemuBackend qemu, GridCase c) {
        try {
            return qemu.run(c.spec(), c.options());
        } catch (RuntimeException first) {
            System.out.println("  failed (" + first.getMessage() + "), trying once more");
            return qemu.run(c.spec(), c.options());
        }
    }

    static Map<String, QemuMeasurement> load(Path runs) throws IOException {
        Map<String, QemuMeasurement> map = new LinkedHashMap<>();
        if (!Files.exists(runs)) return map;
        List<QemuMeasurement> list = JSON.readValue(runs.toFile(), new TypeReference<List<QemuMeasurement>>() { });
        for (QemuMeasurement m : list) map.put(m.label(), m);
        return map;
    }

    static void save(Path runs, Map<String, QemuMeasurement> measured) throws IOException {
        if (runs.toAbsolutePath().getParent() != null) Files.createDirectories(runs.toAbsolutePath().getParent());
        Path tmp = runs.resolveSibling(runs.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), List.copyOf(measured.values()));
        Files.move(tmp, runs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String existingFindings(Path out) throws IOException {
        if (!Files.exists(out)) return "\n## Findings\n\n(to be written)\n";
        String text = Files.readString(out);
        int at = text.indexOf(FINDINGS_MARKER);
        return at < 0 ? "\n## Findings\n\n(to be written)\n" : text.substring(at + FINDINGS_MARKER.length() + 1);
    }
}
