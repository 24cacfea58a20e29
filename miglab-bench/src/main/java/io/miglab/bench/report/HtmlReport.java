package io.miglab.bench.report;

import io.miglab.bench.store.RunRecord;
import io.miglab.report.format.Timestamp;
import io.miglab.report.html.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A self-contained HTML page for one run (optionally compared with a second): the scores and their terms,
 * per-workload metrics with their spread over the migration points, downtime and total time against the migration
 * point (one panel per workload), the comparison side by side, every migration, and the configuration as a table.
 * Built on the report kit (miglab-report); the CSV files beside it carry the same tables ({@link CsvReport}).
 */
public final class HtmlReport {
    public static final String FILE = "report.html";

    private HtmlReport() { }

    /** Writes {@code report.html} and the CSV files into {@code dir}; returns the HTML file. */
    public static Path write(RunRecord run, Optional<RunRecord> compare, Path dir) throws IOException {
        Files.createDirectories(dir);
        CsvReport.write(run, compare, dir);
        return page(run, compare).write(dir.resolve(FILE));
    }

    public static String html(RunRecord run, Optional<RunRecord> compare) {
        return page(run, compare).render();
    }

    private static Page page(RunRecord run, Optional<RunRecord> compare) {
        Page p = new Page("miglab benchmark: " + RunLabel.of(run) + compare.map(c -> " vs " + RunLabel.of(c))
                .orElse(""));
        meta(p, run);
        compare.ifPresent(c -> meta(p, c));
        ScoreSection.write(p, run, compare);
        WorkloadSection.write(p, run);
        compare.ifPresent(c -> WorkloadSection.write(p, c));
        PointCharts.write(p, run);
        HostCostSection.write(p, run);
        compare.ifPresent(c -> ComparisonSection.write(p, run, c));
        MigrationTable.write(p, run);
        ConfigurationSection.write(p, run);
        p.footer("Virt-LM method (Huang et al., ICPE 2011). Score = 1000 x mean over workloads of platform / reference;"
                + " 1000 = as good as the reference, lower is better. Written by miglab.");
        return p;
    }

    private static void meta(Page p, RunRecord r) {
        var i = r.info();
        StringBuilder b = new StringBuilder(RunLabel.of(r)).append(": ").append(i.status().label())
                .append(" · backend ").append(i.backend()).append(" · reference ").append(i.referenceName())
                .append(" · started ").append(Timestamp.of(i.startedAt()));
        i.finishedAt().ifPresent(f -> b.append(" · finished ").append(Timestamp.of(f)));
        b.append(" · host ").append(i.host());
        p.note(b.toString());
        if (i.note() != null && !i.note().isBlank()) p.note(i.note());
    }
}
