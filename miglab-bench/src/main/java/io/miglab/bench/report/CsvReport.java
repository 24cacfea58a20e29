package io.miglab.bench.report;

import io.miglab.bench.metric.Measurement;
import io.miglab.bench.metric.Metric;
import io.miglab.bench.score.MetricScore;
import io.miglab.bench.score.WorkloadRatio;
import io.miglab.bench.store.RunRecord;
import io.miglab.core.result.Metrics;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report's tables as CSV (RFC 4180, one header line): {@code scores.csv} (with the terms of every score),
 * {@code workloads.csv} (min/mean/max per workload), {@code migrations.csv} (every migration: its point, every
 * metric of core's {@code Metrics} under its store column name, the throughput figures). With a second run, its
 * rows follow, told apart by the {@code run_id} column.
 */
public final class CsvReport {
    private CsvReport() { }

    public static void write(RunRecord run, Optional<RunRecord> compare, Path dir) throws IOException {
        List<RunRecord> runs = new ArrayList<>(List.of(run));
        compare.ifPresent(runs::add);
        try (CSVPrinter p = printer(dir.resolve("scores.csv"), "run_id", "run_name", "host_load", "metric", "score",
                "workload", "platform_value", "reference_value", "ratio")) {
            for (RunRecord r : runs) {
                for (MetricScore s : r.scores()) {
                    p.printRecord(r.info().id(), r.info().name(), s.hostLoad().label(), s.metric().key(),
                            num(s.score()), "", "", "", "");
                    for (WorkloadRatio t : s.ratios()) {
                        p.printRecord(r.info().id(), r.info().name(), s.hostLoad().label(), s.metric().key(), "",
                                t.workload(), num(t.platform()), num(t.reference()), num(t.ratio()));
                    }
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("run_id", "host_load", "workload", "points", "completed"));
        for (Metric m : Metric.values()) {
            for (String k : List.of("min", "mean", "max")) header.add(m.key() + "_" + k);
        }
        header.addAll(List.of("preparation_ms_mean", "resume_ms_mean", "pages_mean", "guest_slowdown_percent_mean",
                "baseline_throughput", "throughput_unit"));
        try (CSVPrinter p = printer(dir.resolve("workloads.csv"), header.toArray(String[]::new))) {
            for (RunRecord r : runs) {
                for (WorkloadStats s : WorkloadStats.of(r.measurements(), r.baselines())) {
                    List<Object> row = new ArrayList<>(List.of(r.info().id(), s.hostLoad().label(), s.workload(),
                            s.points(), s.completed()));
                    for (Metric m : Metric.values()) {
                        Spread x = s.metric(m);
                        row.addAll(List.of(num(x.min()), num(x.mean()), num(x.max())));
                    }
                    row.addAll(List.of(num(s.preparationMs().mean()), num(s.resumeMs().mean()),
                            num(s.pages().mean()), num(s.guestSlowdownPercent().mean()),
                            s.baseline().map(b -> num(b.throughput())).orElse(""),
                            s.baseline().map(b -> b.unit()).orElse("")));
                    p.printRecord(row);
                }
            }
        }
        List<String> columns = new ArrayList<>(List.of("run_id", "host_load", "workload", "point", "point_offset_ms"));
        for (var x : Metrics.STANDARD.all()) columns.add(x.column());
        columns.addAll(List.of("window_ms", "baseline_throughput", "throughput_during", "overhead_percent"));
        try (CSVPrinter p = printer(dir.resolve("migrations.csv"), columns.toArray(String[]::new))) {
            for (RunRecord r : runs) {
                for (Measurement m : r.measurements()) {
                    List<Object> row = new ArrayList<>(List.of(r.info().id(), m.hostLoad().label(), m.workload(),
                            m.point(), num(m.pointOffsetMs())));
                    for (var x : Metrics.STANDARD.all()) {
                        row.add(x.of(m.result()) instanceof Double d ? num(d) : x.text(m.result()));
                    }
                    row.addAll(List.of(num(m.windowMs()), num(m.baselineThroughput()), num(m.throughputDuring()),
                            num(m.overheadPercent())));
                    p.printRecord(row);
                }
            }
        }
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).build());
    }

    /** Full precision, no locale, empty for none. */
    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
