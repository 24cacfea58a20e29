package io.miglab.cli.bench;

import io.miglab.bench.BenchPlatforms;
import io.miglab.bench.host.HostLoad;
import io.miglab.bench.reference.ReferenceSets;
import io.miglab.bench.report.HtmlReport;
import io.miglab.bench.report.TextSummary;
import io.miglab.bench.run.BenchConfig;
import io.miglab.bench.run.BenchPlatform;
import io.miglab.bench.run.Benchmark;
import io.miglab.bench.run.BenchmarkCancelledException;
import io.miglab.bench.run.CancelOnShutdown;
import io.miglab.bench.run.Progress;
import io.miglab.bench.run.References;
import io.miglab.bench.run.ProgressListener;
import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.store.RunRecord;
import io.miglab.bench.workload.Workloads;
import io.miglab.cli.backend.Backends;
import io.miglab.cli.common.BadInputException;
import io.miglab.cli.common.ExitCodes;
import io.miglab.cli.common.OutputFolder;
import io.miglab.cli.common.RootCommand;
import io.miglab.cli.spec.Values;
import io.miglab.core.MigrationBackend;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.qemu.migrate.QemuBackend;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code miglab bench}: the Virt-LM benchmark (docs/bench.md). Runs the workloads, migrates each at N points, stores
 * the run in the results database, prints the four scores and writes the HTML report. Ctrl-C stops it cleanly:
 * QEMU guests are stopped and what was measured is stored as an incomplete run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Benchmark live migration on a platform (Virt-LM method): four scores against a reference.")
public final class BenchCommand implements Callable<Integer> {
    static final String QEMU = "qemu";
    @ParentCommand
    RootCommand main;

    @Spec
    CommandSpec command;

    @Option(names = "--backend", paramLabel = "sim|closed-form|qemu", description = "Where migrations run. Default: sim")
    String backend = Backends.SIM;

    @Option(names = "--workloads", paramLabel = "LIST", description = "Comma-separated: idle, mem-low, mem-mid, "
            + "mem-high, cpu, web, file, or all. Default: all")
    String workloads;

    @Option(names = "--host-load", paramLabel = "light|heavy|light,heavy", description = "Host-load scenarios, "
            + "each scored on its own. Default: light")
    String hostLoad = "light";

    @Option(names = "--points", paramLabel = "N", description = "Migrations per workload, evenly spaced through its "
            + "run. Default: 3")
    String points = "3";

    @Option(names = "--run-length", paramLabel = "DURATION", description = "The workload's run the points are spread "
            + "over (point k starts at k/(N+1) of it). Default: 30s")
    String runLength = "30s";

    @Option(names = "--baseline-window", paramLabel = "DURATION", description = "How long a real platform measures "
            + "the throughput without migration. Default: 10s")
    String baselineWindow = "10s";

    @Option(names = "--reference", paramLabel = "NAME", description = "Reference set: a shipped one ("
            + ReferenceSets.DEFAULT + ", " + ReferenceSets.SIMULATOR + "), a .json file, or the name of a complete run in the database. Default: "
            + ReferenceSets.DEFAULT)
    String reference = ReferenceSets.DEFAULT;

    @Option(names = "--db", paramLabel = "FILE|URL", description = "Results database: a SQLite file, or a JDBC URL "
            + "such as jdbc:postgresql://host/db?user=u. Default: " + ResultsStore.DEFAULT_FILE
            + " in the current folder")
    String db = ResultsStore.DEFAULT_FILE;

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder (report.html and CSV files). "
            + "Default: bench-<run id> in the current folder")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "The run's name. Default: <backend>-<date-time>")
    String name;

    @Option(names = "--seed", paramLabel = "N", description = "Base seed of the model backends. Default: 1")
    String seed = "1";

    @Mixin
    BenchPlatformOptions platform;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = command.commandLine().getOut();
        BenchConfig config = config();
        BenchPlatform target = platform(backend(backend.trim(), main.registry()));
        target.check(config);
        if (out != null) OutputFolder.check("out", out);
        ResultsDb.checkWritable(db);
        checkReference();
        try (ResultsStore store = ResultsDb.open(db)) {
            Benchmark benchmark = new Benchmark();
            RunRecord run;
            try (CancelOnShutdown hook = new CancelOnShutdown(benchmark);
                 BarListener bar = new BarListener(noProgress, o)) {
                run = benchmark.run(config, target, store, bar);
            } catch (BenchmarkCancelledException e) {
                command.commandLine().getErr().println("miglab: " + e.getMessage());
                return ExitCodes.FAILURE;
            }
            o.print(TextSummary.format(run));
            Path folder = out != null ? out : Path.of("bench-" + run.info().id());
            Path html = HtmlReport.write(run, Optional.empty(), folder);
            o.println("stored as run " + run.info().id() + " in " + store.url() + "; report: " + html);
            return ExitCodes.OK;
        }
    }

    /**
     * A shipped set or a readable JSON file is checked here; another name must be a complete run in the database,
     * so an unknown name with a database that does not exist yet is refused before the database is created.
     */
    private void checkReference() {
        if (ReferenceSets.find(reference).isPresent()) return;
        boolean newFile = !db.startsWith("jdbc:") && !Files.exists(Path.of(db));
        if (reference.endsWith(".json") || newFile) throw References.unknown(reference);
    }

    BenchConfig config() {
        String wl = workloads != null ? workloads : "all";
        String runName = name != null ? name : backend.trim() + "-" + LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        return new BenchConfig(runName, Workloads.parse(wl), HostLoad.parseList(hostLoad),
                (int) Values.integer("points", points, 1, BenchConfig.MAX_POINTS),
                Values.duration("run-length", runLength), Values.duration("baseline-window", baselineWindow),
                platform.platform(main.registry()), reference, Values.integer("seed", seed, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    /** The platform adapter; a missing QEMU guest is the user's setup, reported in one line. */
    static BenchPlatform platform(MigrationBackend b) {
        try {
            return BenchPlatforms.forBackend(b);
        } catch (IllegalStateException e) {
            throw new BadInputException("backend: " + b.name() + " cannot run here: " + e.getMessage());
        }
    }

    static MigrationBackend backend(String name, AlgorithmRegistry registry) {
        if (name.equals(QEMU)) return new QemuBackend();
        if (!Backends.NAMES.contains(name)) {
            throw new InvalidSpecException("backend", "one of " + String.join(", ", Backends.NAMES) + ", " + QEMU,
                    "'" + name + "'");
        }
        return Backends.create(name, registry);
    }

    /** A progress bar on stderr (steps done of all, the benchmark's own time-left estimate), or plain lines. */
    private static final class BarListener implements ProgressListener, AutoCloseable {
        private final boolean plain;
        private final PrintWriter out;
        private ProgressBar bar;

        BarListener(boolean plain, PrintWriter out) {
            this.plain = plain;
            this.out = out;
        }

        @Override
        public void onProgress(Progress p) {
            if (plain) return;
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("bench").setInitialMax(p.total())
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .hideEta().build();
            }
            bar.stepTo(p.done());
            bar.setExtraMessage(p.step() + ", about " + human(p.remaining()) + " left");
        }

        @Override
        public void onMessage(String message) {
            if (bar == null) {
                out.println(message);
                out.flush();
            }
        }

        @Override
        public void close() {
            if (bar != null) bar.close();
        }

        private static String human(Duration d) {
            long s = d.toSeconds();
            return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
        }
    }
}
