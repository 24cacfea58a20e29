package io.miglab.cli.bench;

import io.miglab.bench.report.HtmlReport;
import io.miglab.bench.report.TextSummary;
import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.store.RunInfo;
import io.miglab.bench.store.RunRecord;
import io.miglab.cli.common.BadInputException;
import io.miglab.cli.common.ExitCodes;
import io.miglab.cli.common.OutputFolder;
import io.miglab.cli.output.TextTable;
import io.miglab.cli.spec.Values;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code miglab report}: the HTML report and CSV files of a stored benchmark run, optionally against a second. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the report of a stored benchmark run (miglab bench), optionally compared with another.")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(names = "--db", paramLabel = "FILE|URL", description = "Results database written by miglab bench. "
            + "Default: " + ResultsStore.DEFAULT_FILE + " in the current folder")
    String db = ResultsStore.DEFAULT_FILE;

    @Option(names = "--run", paramLabel = "ID", description = "The run to report (see --list). Default: the latest")
    String run;

    @Option(names = "--compare", paramLabel = "ID", description = "A second run shown side by side.")
    String compare;

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder (report.html and CSV files). "
            + "Default: report-<id>[-<id2>] in the current folder")
    Path out;

    @Option(names = "--list", description = "List the stored runs instead.")
    boolean list;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = command.commandLine().getOut();
        ResultsDb.checkExisting(db);
        if (out != null) OutputFolder.check("out", out);
        try (ResultsStore store = ResultsDb.open(db)) {
            if (list) {
                TextTable t = new TextTable("id", "name", "status", "backend", "reference", "started").leftAligned();
                for (RunInfo i : store.listRuns()) {
                    t.row(Long.toString(i.id()), i.name(), i.status().label(), i.backend(), i.referenceName(),
                            i.startedAt().toString());
                }
                t.print(o);
                return ExitCodes.OK;
            }
            RunRecord a = run != null ? load(store, "run", run) : latest(store);
            Optional<RunRecord> b = compare == null ? Optional.empty() : Optional.of(load(store, "compare", compare));
            Path folder = out != null ? out : Path.of("report-" + a.info().id()
                    + b.map(x -> "-" + x.info().id()).orElse(""));
            o.print(TextSummary.format(a));
            b.ifPresent(x -> o.print("\n" + TextSummary.format(x)));
            o.println("report: " + HtmlReport.write(a, b, folder));
            return ExitCodes.OK;
        }
    }

    /** The run started last (the highest id). */
    private static RunRecord latest(ResultsStore store) {
        long id = store.listRuns().stream().mapToLong(RunInfo::id).max().orElseThrow(() -> new BadInputException(
                "run: a stored run, but " + store.url() + " holds none (run miglab bench first)"));
        return load(store, "run", Long.toString(id));
    }

    private static RunRecord load(ResultsStore store, String field, String id) {
        long n = Values.integer(field, id, 1, Long.MAX_VALUE);
        return store.loadRun(n).orElseThrow(() -> new BadInputException(field + ": no run " + n + " in "
                + store.url() + " (see --list)"));
    }
}
